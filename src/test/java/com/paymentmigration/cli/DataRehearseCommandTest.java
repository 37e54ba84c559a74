package com.paymentmigration.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rehearse --data}: a run on the embedded servers prints its numbers; bad arguments are named. */
class DataRehearseCommandTest {

    private final RehearseRun run = new RehearseRun();

    @Test
    void aRunOnTheEmbeddedServersPrintsTheTimelineThePaymentsAndTheTimePerPhase() {
        var exit = run.rehearse("--data", "--scenario", "data-rollback-during-traffic-shift", "--preload", "200",
                "--rate", "50");

        var printed = run.printed();
        assertThat(exit).as("%s%n%s", printed, run.errors()).isEqualTo(RehearseCommand.HELD);
        assertThat(printed).contains("rehearse: data scenario data-rollback-during-traffic-shift on stack dev")
                .containsPattern("T\\+\\d\\d:\\d\\d:\\d\\d +migration/migration-1 +Record phase preflight +ssm:putParameter +ok")
                .containsPattern("payments: \\d+ written .* checked in onprem: 0 lost, 0 duplicated, 0 stale")
                .contains("time per phase (rehearsal clock at speed 20").containsPattern("  traffic-shift +from T\\+")
                .doesNotContain("BROKEN");
    }

    @Test
    void argumentsThatCannotWorkAreErrorsNamingTheFix() {
        assertThat(run.rehearse("--data", "--scenario", "happy-path")).isEqualTo(RehearseCommand.ERROR);
        assertThat(run.rehearse("--data", "--onprem-url", "jdbc:postgresql://db.example/payments?user=a"))
                .isEqualTo(RehearseCommand.ERROR);
        assertThat(run.rehearse("--data", "--speed", "0.5")).isEqualTo(RehearseCommand.ERROR);
        assertThat(run.rehearse("--data", "--rate")).isEqualTo(RehearseCommand.ERROR);

        assertThat(run.errors()).contains("no data scenario happy-path; they are [data-happy-path")
                .contains("name both servers (--onprem-url and --aurora-url)")
                .contains("speed 0.5: give 1 (real time) or more").contains("'--rate'").contains("usage: rehearse --data");
    }

    @Test
    void namedServersThatCannotReplicateAreRefusedBeforeAnythingRunsWithWhatIsMissing() {
        var exit = run.rehearse("--data", "--onprem-url", "jdbc:postgresql://127.0.0.1:1/payments?user=migrator",
                "--aurora-url", "jdbc:postgresql://127.0.0.1:1/payments", "--aurora-user", "migrator");

        assertThat(exit).isEqualTo(RehearseCommand.ERROR);
        assertThat(run.errors()).contains("the servers cannot replicate yet")
                .contains("on-prem: cannot connect to migrator@127.0.0.1:1/payments")
                .contains("Aurora: cannot connect to migrator@127.0.0.1:1/payments");
        assertThat(run.printed()).doesNotContain("rehearse: data scenario");
    }
}
