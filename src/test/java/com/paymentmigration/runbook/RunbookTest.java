package com.paymentmigration.runbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.dns.WeightedName;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command is run by bash, with aws, pulumi, curl and date replaced by functions that record their
 * arguments: what is checked is what the real tools would receive, after the shell's quoting and expansion.
 */
class RunbookTest {

    private static final String MIGRATION = "arn:aws:states:eu-central-1:123456789012:stateMachine:migration-migration-dev";
    private static final String ROLLBACK = "arn:aws:states:eu-central-1:123456789012:stateMachine:migration-rollback-dev";
    private static final String BUCKET = "migration-checkpoints-dev-123456789012";
    private static final WeightedName.Zone DNS = new WeightedName.Zone("Z0123456789ABCDEFGHIJ", new WeightedName.RecordSets(
            "payments.dev.payments.internal", List.of("172.16.20.11", "172.16.20.12"), "hc-legacy",
            "internal-alb.eu-central-1.elb.amazonaws.com", "Z215JYRZR1TBD5", "hc-new"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> steps(Optional<WeightedName.Zone> dns) {
        return Runbook.steps(new Runbook.Facts("eu-central-1", "dev", MIGRATION, ROLLBACK, "a1b2c3", "v1",
                "https://api.dev.payments.example.com/", BUCKET, "/migration/dev", dns));
    }

    /** Runs {@code command} and returns each recorded call as its argument list (program first). */
    private static List<List<String>> run(String command) throws Exception {
        var log = Files.createTempFile("runbook", ".log");
        try {
            var script = String.join("\n",
                    "set -eu",
                    "LOG=\"$1\"",
                    "record() { printf '%s\\037' \"$@\" >> \"$LOG\"; printf '\\n' >> \"$LOG\"; }",
                    "aws() { record aws \"$@\"; if [ \"$1\" = s3api ]; then echo checkpoints/exec-1/before-cutover.json; fi; }",
                    "pulumi() { record pulumi \"$@\"; }",
                    "curl() { record curl \"$@\"; }",
                    "date() { echo 20261123T070000Z; }",
                    command);
            var process = new ProcessBuilder("bash", "-c", script, "runbook", log.toString()).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("bash ran %s%n%s", command, output).isZero();
            var calls = new ArrayList<List<String>>();
            for (var line : Files.readAllLines(log)) {
                var parts = new ArrayList<>(Arrays.asList(line.split("\u001f", -1)));
                parts.remove(parts.size() - 1);
                calls.add(parts);
            }
            return calls;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String after(List<String> call, String option) {
        return call.get(call.indexOf(option) + 1);
    }

    @Test
    void stepsAreNumberedInTheOrderAnOperatorTakesThem() {
        assertThat(steps(Optional.of(DNS)).keySet()).containsExactly("01-start-migration", "02-watch-migration",
                "03-check-api-health", "04-shift-traffic-api", "05-shift-traffic-dns", "06-start-rollback",
                "07-start-rollback-without-pulumi", "08-read-last-checkpoint");
        assertThat(steps(Optional.empty()).keySet()).as("no DNS step without the weighted name")
                .noneMatch(k -> k.contains("dns")).contains("05-start-rollback");
    }

    @Test
    void theMigrationStartsWithAUniqueNameAndIsWatchedWithItsPhase() throws Exception {
        var start = run(steps(Optional.empty()).get("01-start-migration"));
        assertThat(start).singleElement().satisfies(call -> {
            assertThat(call.subList(0, 3)).containsExactly("aws", "stepfunctions", "start-execution");
            assertThat(after(call, "--state-machine-arn")).isEqualTo(MIGRATION);
            assertThat(after(call, "--name")).isEqualTo("migration-20261123T070000Z");
            assertThat(JSON.readTree(after(call, "--input")).isObject()).isTrue();
            assertThat(after(call, "--region")).isEqualTo("eu-central-1");
        });
        var watch = run(steps(Optional.empty()).get("02-watch-migration"));
        assertThat(watch).hasSize(2);
        assertThat(after(watch.get(0), "--query")).isEqualTo("executions[].[name,status,startDate]");
        assertThat(after(watch.get(1), "--name")).isEqualTo("/migration/dev/phase");
        assertThat(run(steps(Optional.empty()).get("03-check-api-health")))
                .containsExactly(List.of("curl", "-fsS", "https://api.dev.payments.example.com/health"));
    }

    @Test
    void anApiShiftChangesTheCanaryAndItsMirror() throws Exception {
        var calls = run(steps(Optional.empty()).get("04-shift-traffic-api"));
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).subList(0, 3)).containsExactly("aws", "apigateway", "update-stage");
        assertThat(after(calls.get(0), "--rest-api-id")).isEqualTo("a1b2c3");
        assertThat(after(calls.get(0), "--patch-operations")).isEqualTo("op=replace,path=/canarySettings/percentTraffic,value=10");
        assertThat(after(calls.get(1), "--name")).isEqualTo("/migration/dev/traffic/new-backend-percent");
        assertThat(after(calls.get(1), "--value")).isEqualTo("10");
    }

    @Test
    void aDnsShiftUpsertsBothWeightsInOneBatchAndMirrorsThem() throws Exception {
        var calls = run(steps(Optional.of(DNS)).get("05-shift-traffic-dns"));
        assertThat(calls).hasSize(3);
        var change = calls.get(0);
        assertThat(change.subList(0, 3)).containsExactly("aws", "route53", "change-resource-record-sets");
        assertThat(after(change, "--hosted-zone-id")).isEqualTo("Z0123456789ABCDEFGHIJ");
        var batch = JSON.readTree(after(change, "--change-batch"));
        assertThat(batch).isEqualTo(JSON.readTree(WeightedName.changeBatch(DNS.recordSets(), "90", "10")));
        assertThat(after(calls.get(1), "--name")).isEqualTo("/migration/dev/dns/legacy-weight");
        assertThat(after(calls.get(1), "--value")).isEqualTo("90");
        assertThat(after(calls.get(2), "--name")).isEqualTo("/migration/dev/dns/new-weight");
        assertThat(after(calls.get(2), "--value")).isEqualTo("10");
    }

    @Test
    void rollbackGoesThroughPulumiOrStraightToTheMachineWithAValidTrigger() throws Exception {
        assertThat(run(steps(Optional.empty()).get("05-start-rollback"))).containsExactly(
                List.of("pulumi", "config", "set", "migration:mode", "rollback", "--stack", "dev"),
                List.of("pulumi", "up", "--stack", "dev", "--yes"));
        var direct = run(steps(Optional.empty()).get("06-start-rollback-without-pulumi")).get(0);
        assertThat(after(direct, "--state-machine-arn")).isEqualTo(ROLLBACK);
        // The rollback machine and the trigger function take a JSON object with a text trigger.
        assertThat(JSON.readTree(after(direct, "--input")).get("trigger").asText()).isEqualTo("manual");
    }

    @Test
    void theLastCheckpointIsTheNewestObjectUnderCheckpoints() throws Exception {
        var calls = run(steps(Optional.empty()).get("07-read-last-checkpoint"));
        assertThat(calls).hasSize(2);
        var list = calls.get(0);
        assertThat(list.subList(0, 3)).containsExactly("aws", "s3api", "list-objects-v2");
        assertThat(after(list, "--bucket")).isEqualTo(BUCKET);
        assertThat(after(list, "--prefix")).isEqualTo("checkpoints/");
        assertThat(after(list, "--query")).isEqualTo("sort_by(Contents,&LastModified)[-1].Key");
        assertThat(calls.get(1)).containsExactly("aws", "s3", "cp", "--region", "eu-central-1",
                "s3://" + BUCKET + "/checkpoints/exec-1/before-cutover.json", "-");
    }

    @Test
    void theStackExportsTheRunbookBuiltFromItsOwnResources() {
        var run = StackFixture.dev();
        @SuppressWarnings("unchecked")
        var runbook = (Map<String, String>) run.outputs().get("runbook");
        assertThat(runbook.get("01-start-migration")).contains((String) run.outputs().get("migrationStateMachineArn"));
        assertThat(runbook.get("04-shift-traffic-api")).contains("--rest-api-id " + run.outputs().get("apiId"));
        assertThat(runbook.get("05-shift-traffic-dns")).contains("--hosted-zone-id " + run.outputs().get("dnsZoneId"))
                .contains("internal-migration-payments-svc-dev.elb.eu-central-1.amazonaws.com");
        assertThat(runbook.get("07-start-rollback-without-pulumi")).contains((String) run.outputs().get("rollbackStateMachineArn"));
        assertThat(runbook.get("08-read-last-checkpoint")).contains((String) run.outputs().get("checkpointBucket"));
    }
}
