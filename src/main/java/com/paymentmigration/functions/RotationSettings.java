package com.paymentmigration.functions;

import com.paymentmigration.iam.Statement;
import com.paymentmigration.parameters.ParameterKey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rotation function is told and may read beyond its secrets. The environment variable names are the
 * function's own ({@code RotationHandler.Environment} in lambda/rotation); {@code RotationSettingsTest} checks both
 * sides name the same variables.
 */
public final class RotationSettings {

    /** Phases the state machines write while the writer moves: the cutover, its bake, and a rollback. */
    public static final List<String> BLOCKING_PHASES = List.of("cutover", "baking", "rolling-back");
    /** The CA bundle's parameter, under the stack's root. */
    public static final ParameterKey CA_PARAMETER = ParameterKey.ROTATION_CA_CERTIFICATES;
    /** Stored instead of a bundle when none is configured: the function then refuses to start and says which key to set. */
    static final String NO_CERTIFICATES = "none: set migration:rotationCaCertificates (or the DMS CA certificates)";
    /** Parameter Store's standard tier holds up to 4 KB; larger bundles need the advanced tier (8 KB). */
    static final int STANDARD_TIER_BYTES = 4096;

    private RotationSettings() {
    }

    /**
     * @param alternatingSecretArns the secrets a service or DMS depends on: the function refuses to rotate them
     *                              with a single user, which would cut those clients off between setSecret and
     *                              the moment they read the new value
     */
    static Map<String, String> environment(String caParameter, String writeFreezeParameter, String phaseParameter,
                                           List<String> alternatingSecretArns) {
        var environment = new LinkedHashMap<String, String>();
        environment.put("DB_CA_CERTIFICATES_PARAMETER", caParameter);
        environment.put("WRITE_FREEZE_PARAMETER", writeFreezeParameter);
        environment.put("PHASE_PARAMETER", phaseParameter);
        environment.put("BLOCKING_PHASES", String.join(",", BLOCKING_PHASES));
        environment.put("ALTERNATING_SECRET_ARNS", String.join(",", alternatingSecretArns));
        return environment;
    }

    static String tier(String pem) {
        return pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII).length > STANDARD_TIER_BYTES ? "Advanced" : "Standard";
    }

    static Statement readParameters(List<String> parameterArns) {
        return Statement.allow("ReadMigrationStateAndCaBundle").actions("ssm:GetParameter").resources(parameterArns);
    }
}
