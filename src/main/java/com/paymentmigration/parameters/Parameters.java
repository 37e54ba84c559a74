package com.paymentmigration.parameters;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.parameters.ParameterSpec.Kind;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;

import java.util.Map;

/**
 * The {@code /migration/<suffix>/...} Parameter Store hierarchy: the one place that creates parameters.
 * Runtime values are created once and then belong to the state machines: {@code ignoreChanges("value")} keeps a
 * later {@code pulumi up} from resetting a live migration.
 */
public final class Parameters extends MigrationComponent {

    public static final String TYPE = "migration:parameters:Parameters";

    /** The input a state machine overwrites at run time, and so the one a later up must leave alone. */
    public static final String RUNTIME_VALUE = "insecureValue";

    private final EncryptionKeys keys;

    public Parameters(String name, StackContext stack, EncryptionKeys keys) {
        super(TYPE, name, stack);
        this.keys = keys;
        for (var spec : ParameterCatalog.of(stack.config())) {
            create(spec.parameter(), Output.of(spec.value()), spec.kind(), spec.description());
        }
        registerOutputs(Map.of("root", Output.of(stack.names().parameter())));
    }

    /** Adds a parameter whose value another component computes, e.g. a task ARN. */
    public Parameter publish(ParameterKey key, Output<String> value, Kind kind, String description) {
        return create(key, value, kind, description);
    }

    private Parameter create(ParameterKey key, Output<String> value, Kind kind, String description) {
        var args = ParameterArgs.builder()
                .name(key.name(stack.names()))
                .description(description)
                .tier("Standard");
        if (kind == Kind.SECURE) {
            args.type("SecureString").value(value.asSecret()).keyId(keys.primaryKeyArn);
        } else {
            // insecureValue: `value` is always stored as a secret, which would hide plain settings from every diff.
            args.type("String").insecureValue(value);
        }
        return new Parameter(String.join("-", key.path()), args.build(),
                kind == Kind.RUNTIME ? primary(o -> o.ignoreChanges(RUNTIME_VALUE)) : primary());
    }
}
