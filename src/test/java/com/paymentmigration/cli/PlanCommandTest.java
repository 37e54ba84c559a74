package com.paymentmigration.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.Main;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int plan(String... args) {
        return PlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Main::stack);
    }

    @Test
    void devPlanIsCleanAndWritesEveryFile(@TempDir Path dir) throws Exception {
        assertThat(plan("--stack", "dev", "--out", dir.toString())).isEqualTo(PlanCommand.CLEAN);
        assertThat(dir.resolve("documents")).isDirectory();
        for (var file : new String[]{"resources.json", "outputs.json", "findings.json", "diagram.mmd"}) {
            assertThat(dir.resolve(file)).isRegularFile();
        }
        var json = new ObjectMapper();
        var resources = json.readTree(dir.resolve("resources.json").toFile());
        assertThat(resources.size()).isGreaterThan(2);
        assertThat(resources.get(0).fieldNames()).toIterable().contains("urn", "type", "name", "parent", "provider",
                "dependsOn", "options", "inputs");
        assertThat(json.readTree(dir.resolve("findings.json").toFile()).size()).isZero();
        assertThat(json.readTree(dir.resolve("outputs.json").toFile()).has("migrationStateMachineArn")).isTrue();
        assertThat(Files.readString(dir.resolve("diagram.mmd"))).startsWith("flowchart LR");
        assertThat(out.toString()).contains("plan: stack dev (mode forward)").contains("0 findings");
    }

    @Test
    void theSamePlanTwiceIsByteIdentical(@TempDir Path a, @TempDir Path b) throws Exception {
        plan("--out", a.toString());
        plan("--out", b.toString());
        assertThat(Files.readString(a.resolve("resources.json"))).isEqualTo(Files.readString(b.resolve("resources.json")));
    }

    @Test
    void badConfigExitsTwoNamingTheKey(@TempDir Path dir) {
        assertThat(plan("--set", "mode=sideways", "--set", "migrationVpcCidr=10.10.0.0/16", "--out", dir.toString()))
                .isEqualTo(PlanCommand.ERROR);
        assertThat(err.toString()).contains("migration:mode = 'sideways'")
                .contains("migration:migrationVpcCidr = '10.10.0.0/16': overlaps migration:productionVpcCidr");
        assertThat(dir.resolve("resources.json")).doesNotExist();
    }

    @Test
    void unknownStackAndBadArgumentsExitTwo() {
        assertThat(plan("--stack", "nope")).isEqualTo(PlanCommand.ERROR);
        assertThat(err.toString()).contains("no stack file").contains("Pulumi.nope.yaml");
        assertThat(plan("--bogus")).isEqualTo(PlanCommand.ERROR);
        assertThat(plan("--set", "novalue")).isEqualTo(PlanCommand.ERROR);
        assertThat(err.toString()).contains("write key=value");
    }

    @Test
    void policyViolationsExitOne(@TempDir Path dir) throws Exception {
        int code = PlanCommand.run(new String[]{"--out", dir.toString()}, new PrintStream(out), new PrintStream(err),
                ctx -> new BucketV2("stray", BucketV2Args.builder().bucket("no-suffix-here").build()));
        assertThat(code).isEqualTo(PlanCommand.POLICY_VIOLATIONS);
        assertThat(out.toString()).contains("FINDING [every-resource-tagged]").contains("FINDING [names-carry-suffix]")
                .contains("FINDING [buckets-secure]");
        var rules = new java.util.TreeSet<String>();
        new ObjectMapper().readTree(dir.resolve("findings.json").toFile()).forEach(f -> rules.add(f.path("rule").asText()));
        assertThat(rules).containsExactly("buckets-secure", "every-resource-tagged", "names-carry-suffix");
    }

    @Test
    void aFailingProgramExitsTwo(@TempDir Path dir) {
        int code = PlanCommand.run(new String[]{"--out", dir.toString()}, new PrintStream(out), new PrintStream(err),
                ctx -> {
                    throw new IllegalStateException("boom");
                });
        assertThat(code).isEqualTo(PlanCommand.ERROR);
        assertThat(err.toString()).contains("IllegalStateException: boom");
    }
}
