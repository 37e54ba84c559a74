package com.paymentmigration.runbook;

import com.paymentmigration.dns.WeightedName;
import com.paymentmigration.orchestration.Targets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each step of the migration as a command an operator can paste into a shell (bash, AWS CLI v2), built from the
 * deployed names and ARNs. Commands that take a choice start with it as a variable (NEW_PERCENT=10; ...), so the
 * choice is made in one visible place. Steps are numbered so that every listing shows them in order.
 */
public final class Runbook {

    /** The deployed facts the commands are made of. */
    public record Facts(String region, String pulumiStack, String migrationMachineArn, String rollbackMachineArn,
                        String restApiId, String stageName, String apiEndpoint, String checkpointBucket,
                        String parameterRoot, Optional<WeightedName.Zone> dns) {
    }

    static final String TIMESTAMP = "$(date -u +%Y%m%dT%H%M%SZ)";

    private Runbook() {
    }

    public static Map<String, String> steps(Facts f) {
        var steps = new LinkedHashMap<String, String>();
        var region = " --region " + f.region();
        add(steps, "start-migration", "aws stepfunctions start-execution" + region + " --state-machine-arn "
                + f.migrationMachineArn() + " --name migration-" + TIMESTAMP + " --input '{}'");
        add(steps, "watch-migration", "aws stepfunctions list-executions" + region + " --state-machine-arn "
                + f.migrationMachineArn() + " --max-items 5 --query 'executions[].[name,status,startDate]' --output table"
                + " && aws ssm get-parameter" + region + " --name " + Targets.PHASE.nameUnder(f.parameterRoot())
                + " --query Parameter.Value --output text");
        add(steps, "check-api-health", "curl -fsS " + f.apiEndpoint() + "health");
        add(steps, "shift-traffic-api", "NEW_PERCENT=10; aws apigateway update-stage" + region + " --rest-api-id "
                + f.restApiId() + " --stage-name " + f.stageName()
                + " --patch-operations op=replace,path=/canarySettings/percentTraffic,value=$NEW_PERCENT"
                + " && " + putParameter(region, Targets.TRAFFIC.nameUnder(f.parameterRoot()), "$NEW_PERCENT"));
        f.dns().ifPresent(dns -> add(steps, "shift-traffic-dns", shiftDns(region, f.parameterRoot(), dns)));
        add(steps, "start-rollback", "pulumi config set migration:mode rollback --stack " + f.pulumiStack()
                + " && pulumi up --stack " + f.pulumiStack() + " --yes");
        add(steps, "start-rollback-without-pulumi", "aws stepfunctions start-execution" + region
                + " --state-machine-arn " + f.rollbackMachineArn() + " --name rollback-manual-" + TIMESTAMP
                + " --input '{\"trigger\":\"manual\",\"reason\":\"started by an operator from the runbook\"}'");
        add(steps, "read-last-checkpoint", "aws s3 cp" + region + " \"s3://" + f.checkpointBucket() + "/$(aws s3api "
                + "list-objects-v2" + region + " --bucket " + f.checkpointBucket() + " --prefix checkpoints/"
                + " --query 'sort_by(Contents,&LastModified)[-1].Key' --output text)\" -");
        return steps;
    }

    /** Both weights in one change batch (Route 53 applies a batch atomically), then their mirrors. */
    private static String shiftDns(String region, String root, WeightedName.Zone dns) {
        var batch = WeightedName.changeBatch(dns.recordSets(), "%d", "%d");
        if (batch.replace("%d", "").contains("%") || batch.contains("'")) {
            throw new IllegalArgumentException("the record sets contain % or ': " + dns.recordSets());
        }
        return "NEW_PERCENT=10; aws route53 change-resource-record-sets --hosted-zone-id " + dns.id()
                + " --change-batch \"$(printf '" + batch + "' $((100 - NEW_PERCENT)) $NEW_PERCENT)\""
                + " && " + putParameter(region, WeightedName.LEGACY_WEIGHT_PARAMETER.nameUnder(root), "$((100 - NEW_PERCENT))")
                + " && " + putParameter(region, WeightedName.NEW_WEIGHT_PARAMETER.nameUnder(root), "$NEW_PERCENT");
    }

    private static String putParameter(String region, String name, String value) {
        return "aws ssm put-parameter" + region + " --name " + name + " --value " + value + " --overwrite";
    }

    private static void add(Map<String, String> steps, String name, String command) {
        steps.put(String.format("%02d-%s", steps.size() + 1, name), command);
    }
}
