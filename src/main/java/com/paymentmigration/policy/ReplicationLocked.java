package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DMS holds a live copy of every payment in flight: its instance stays private and encrypted, and every endpoint
 * authenticates through Secrets Manager (no credential in the stack or its state) over TLS.
 */
final class ReplicationLocked extends PolicyRule {

    static final String INSTANCE = "aws:dms/replicationInstance:ReplicationInstance";
    static final String ENDPOINT = "aws:dms/endpoint:Endpoint";
    private static final Set<String> TLS_MODES = Set.of("require", "verify-ca", "verify-full");
    private static final List<String> INLINE_CONNECTION = List.of("username", "password", "serverName", "port");

    ReplicationLocked() {
        super("replication-private-secret-auth-tls",
                "DMS instances are private and KMS-encrypted; endpoints authenticate by Secrets Manager and use TLS.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var instance : run.ofType(INSTANCE)) {
            if (!Boolean.FALSE.equals(instance.inputs().get("publiclyAccessible"))) {
                findings.add(Finding.of(this, instance, "publiclyAccessible is not false (the default is true)"));
            }
            if (instance.stringInput("kmsKeyArn") == null) {
                findings.add(Finding.of(this, instance, "kmsKeyArn is not set: storage would use the AWS-managed key"));
            }
        }
        for (var endpoint : run.ofType(ENDPOINT)) {
            if (endpoint.stringInput("secretsManagerArn") == null || endpoint.stringInput("secretsManagerAccessRoleArn") == null) {
                findings.add(Finding.of(this, endpoint, "does not authenticate through Secrets Manager; set "
                        + "secretsManagerArn and secretsManagerAccessRoleArn"));
            }
            for (var input : INLINE_CONNECTION) {
                if (endpoint.inputs().containsKey(input)) {
                    findings.add(Finding.of(this, endpoint, input + " is set inline; it belongs in the secret"));
                }
            }
            var sslMode = endpoint.stringInput("sslMode");
            if (sslMode == null || !TLS_MODES.contains(sslMode)) {
                findings.add(Finding.of(this, endpoint, "sslMode is " + sslMode + "; use require, verify-ca or verify-full"));
            } else if (sslMode.startsWith("verify") && endpoint.stringInput("certificateArn") == null) {
                findings.add(Finding.of(this, endpoint, "sslMode " + sslMode + " needs certificateArn (the CA to verify against)"));
            }
        }
        return findings;
    }
}
