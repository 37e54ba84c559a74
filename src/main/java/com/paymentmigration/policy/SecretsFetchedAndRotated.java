package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;

/**
 * Credentials belong to the database team: the stack fetches them and never creates one (a created secret would
 * put a password in state and be destroyed with the stack). Every secret it fetches is rotated.
 */
final class SecretsFetchedAndRotated extends PolicyRule {

    static final String GET_SECRET = "aws:secretsmanager/getSecret:getSecret";

    SecretsFetchedAndRotated() {
        super("secrets-fetched-and-rotated",
                "No secret is created by the stack, and every secret it fetches has a rotation schedule with a function.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var type : List.of("aws:secretsmanager/secret:Secret", "aws:secretsmanager/secretVersion:SecretVersion")) {
            run.ofType(type).forEach(r -> findings.add(Finding.of(this, r,
                    "creates a secret; fetch the existing one with ExistingSecret.fetch instead")));
        }
        var rotations = run.ofType("aws:secretsmanager/secretRotation:SecretRotation");
        for (var rotation : rotations) {
            if (rotation.stringInput("rotationLambdaArn") == null || rotation.input("rotationRules").isEmpty()) {
                findings.add(Finding.of(this, rotation, "needs a rotation function and rotation rules"));
            }
        }
        for (var lookup : run.invokes(GET_SECRET)) {
            var name = String.valueOf(lookup.args().get("name"));
            boolean rotated = rotations.stream().anyMatch(r -> String.valueOf(r.stringInput("secretId")).contains(":secret:" + name + "-"));
            if (!rotated) {
                var stack = run.resources().stream().filter(r -> r.type().equals("pulumi:pulumi:Stack")).findFirst();
                stack.ifPresent(s -> findings.add(Finding.of(this, s, "secret " + name + " is fetched but never rotated")));
            }
        }
        return findings;
    }
}
