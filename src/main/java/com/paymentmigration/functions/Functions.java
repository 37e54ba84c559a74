package com.paymentmigration.functions;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.network.Network;
import com.paymentmigration.secrets.FetchedSecrets;
import com.paymentmigration.storage.Storage;
import com.pulumi.aws.lambda.Function;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The Java Lambda functions built in {@code lambda/}, each its own small construct ({@link RotationFunction},
 * {@link AuthorizerFunction}, {@link ValidatorFunction}, {@link RollbackTriggerFunction},
 * {@link ReplicationOpsFunction}) sharing {@link LambdaFunction}'s wiring; this component is their parent.
 */
public final class Functions extends MigrationComponent {

    public static final String TYPE = "migration:functions:Functions";

    /**
     * What the state machines and the alarms need of the functions.
     *
     * @param namesByLabel every function's name by a short label, in a fixed order (the dashboard's and the alarms')
     */
    public record Refs(Output<String> validatorArn, Output<String> replicationOpsArn, Output<String> rollbackTriggerName,
                       Output<String> authorizerLogGroupName, Map<String, Output<String>> namesByLabel) {
    }

    /** Secrets Manager invokes it for every rotated secret. */
    public final Function rotation;
    /** The API's authorizer invokes its live alias. */
    public final AuthorizerFunction authorizer;
    public final Function validator;
    public final Refs refs;

    private final String prefix;

    /**
     * @param secrets     the database secrets the validator and replication-ops read, and every secret the rotation
     *                    function rotates
     * @param checkpoints where the validator keeps its reports
     */
    public Functions(String name, StackContext stack, EncryptionKeys keys, Network network, FetchedSecrets secrets,
                     Storage.Bucket checkpoints) {
        super(TYPE, name, stack);
        this.prefix = name;
        this.rotation = RotationFunction.create(this, keys, network, secrets);
        this.authorizer = AuthorizerFunction.create(this, keys, network);
        this.validator = ValidatorFunction.create(this, keys, network, secrets, checkpoints);
        var rollbackTrigger = RollbackTriggerFunction.create(this, keys, network);
        var replicationOps = ReplicationOpsFunction.create(this, keys, network, secrets);

        // A fixed order: the dashboard body would otherwise change from run to run.
        var names = new LinkedHashMap<String, Output<String>>();
        names.put("rotation", rotation.name());
        names.put("authorizer", authorizer.function().name());
        names.put("validator", validator.name());
        names.put("rollback-trigger", rollbackTrigger.name());
        names.put("replication-ops", replicationOps.name());
        this.refs = new Refs(validator.arn(), replicationOps.arn(), rollbackTrigger.name(), authorizer.logGroupName(),
                Collections.unmodifiableMap(names));
        registerOutputs(Map.of("rotationFunctionArn", rotation.arn(), "authorizerAliasArn", authorizer.alias().arn(),
                "validatorFunctionArn", validator.arn(), "rollbackTriggerArn", rollbackTrigger.arn(),
                "replicationOpsFunctionArn", replicationOps.arn()));
    }

    /** The logical-name prefix of every child. */
    String prefix() {
        return prefix;
    }

    StackContext stack() {
        return stack;
    }

    /** Options for a child of this component, in the primary region. */
    CustomResourceOptions childOptions(UnaryOperator<CustomResourceOptions.Builder> more) {
        return primary(more);
    }
}
