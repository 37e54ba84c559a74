package com.paymentmigration.keys;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.Region;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.naming.Names;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * One customer-managed key per region, rotated yearly, used for database storage, secrets, logs, topics, buckets
 * and parameters in that region. KMS keys are regional: the secondary region's data needs its own key.
 */
public final class EncryptionKeys extends MigrationComponent {

    public static final String TYPE = "migration:keys:EncryptionKeys";
    /** The shortest window KMS allows: a destroyed test stack should not keep keys (and their cost) for a month. */
    static final int DELETION_WINDOW_DAYS = 7;

    public final Output<String> primaryKeyArn;
    public final Output<String> secondaryKeyArn;

    public EncryptionKeys(String name, StackContext stack) {
        super(TYPE, name, stack);
        this.primaryKeyArn = key(name + "-primary", "primary", stack.config().regions().primary(), primary()).arn();
        this.secondaryKeyArn = key(name + "-secondary", "secondary", stack.config().regions().secondary(), secondary()).arn();
        registerOutputs(Map.of("primaryKeyArn", primaryKeyArn, "secondaryKeyArn", secondaryKeyArn));
    }

    public Output<String> keyArn(Region region) {
        return region == Region.PRIMARY ? primaryKeyArn : secondaryKeyArn;
    }

    private Key key(String logicalName, String role, String region, CustomResourceOptions options) {
        // DMS names its task log group itself, WAF needs its prefix, RDS writes Enhanced Monitoring to RDSOSMetrics;
        // everything else lives under the stack's prefix.
        var logGroups = List.of(stack.names().logGroupPrefix() + "*", stack.names().dmsTaskLogGroup(),
                stack.names().wafLogGroup(), Names.RDS_OS_METRICS_LOG_GROUP);
        var key = new Key(logicalName, KeyArgs.builder()
                .description("payment-migration " + stack.names().suffix() + ": data at rest in " + region)
                .enableKeyRotation(true)
                .deletionWindowInDays(DELETION_WINDOW_DAYS)
                .policy(stack.accountId().applyValue(account -> KeyPolicy.document(account, region, logGroups)))
                .build(), options);
        new Alias(logicalName + "-alias", AliasArgs.builder()
                .name(stack.names().of(NameRule.KMS_ALIAS, role))
                .targetKeyId(key.keyId())
                .build(), options);
        return key;
    }
}
