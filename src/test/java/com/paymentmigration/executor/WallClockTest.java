package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wall clock: Waits really wait, $millis() reads real time, and the virtual clock's behaviour is unchanged. */
class WallClockTest {

    private static final String WAIT_THEN_READ = """
            {"QueryLanguage": "JSONata", "StartAt": "Before", "States": {
              "Before": {"Type": "Pass", "Assign": {"before": "{% $millis() %}"}, "Next": "Wait"},
              "Wait": {"Type": "Wait", "Seconds": 2, "Next": "After"},
              "After": {"Type": "Pass", "Output": "{% $millis() - $before %}", "End": true}}}""";

    @Test
    void aWaitReallySleepsItsSecondsDividedByTheSpeedAndMillisReadsTheWall() {
        var clock = new WallClock(20);
        long realStart = System.nanoTime();

        var execution = new Executor(invocation -> null, ExecutorOptions.defaults(), clock.source())
                .execute(WAIT_THEN_READ, null);

        var realMillis = Duration.ofNanos(System.nanoTime() - realStart).toMillis();
        assertThat(execution.status()).isEqualTo(Execution.SUCCEEDED);
        assertThat(execution.output().asLong()).as("rehearsal milliseconds the Wait took").isBetween(2_000L, 4_000L);
        assertThat(realMillis).as("real milliseconds: 2 s at speed 20").isGreaterThanOrEqualTo(100);
        assertThat(execution.startDate()).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void aTaskTakesTheRealTimeOfItsCallSoItsTimeoutApplies() {
        var definition = """
                {"QueryLanguage": "JSONata", "StartAt": "Slow", "States": {
                  "Slow": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 1,
                           "Arguments": {"FunctionName": "f"}, "End": true}}}""";
        TaskHandler slow = invocation -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return JsonNodeFactory.instance.objectNode();
        };

        var onTheWall = new Executor(slow, ExecutorOptions.defaults(), new WallClock(10).source()).execute(definition, null);
        var onTheVirtualClock = new Executor(slow, ExecutorOptions.defaults()).execute(definition, null);

        assertThat(onTheWall.status()).as("150 ms at speed 10 is 1.5 s, past TimeoutSeconds 1").isEqualTo(Execution.FAILED);
        assertThat(onTheWall.error()).isEqualTo(ErrorNames.TIMEOUT);
        assertThat(onTheVirtualClock.status()).isEqualTo(Execution.SUCCEEDED);
        assertThat(onTheVirtualClock.stopDate()).isEqualTo(ExecutorOptions.defaults().startTime());
    }

    @Test
    void timeRunsAtTheGivenSpeedFromTheOriginAndNeverBelowRealTime() {
        var nanos = new AtomicLong(1_000);
        var origin = Instant.parse("2026-05-01T10:00:00Z");
        var clock = new WallClock(30, nanos::get, origin);

        nanos.addAndGet(Duration.ofMillis(100).toNanos());

        assertThat(clock.now()).isEqualTo(origin.plusSeconds(3));
        assertThat(clock.nanos()).isEqualTo(Duration.ofSeconds(3).toNanos());
        assertThat(clock.realNanosUntil(origin.plusSeconds(6))).isEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(clock.realNanosUntil(origin)).isZero();
        assertThat(clock.forkAt(origin)).isSameAs(clock);
        assertThatThrownBy(() -> new WallClock(0.5)).hasMessageContaining("give 1 (real time) or more");
    }
}
