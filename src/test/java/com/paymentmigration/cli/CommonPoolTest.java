package com.paymentmigration.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

import static org.assertj.core.api.Assertions.assertThat;

/** On a two-CPU machine the SDK's asynchronous steps run on pooled workers, not on a new thread each. */
class CommonPoolTest {

    @Test
    void onTwoCpusAsynchronousStepsRunOnTheCommonPool() throws Exception {
        assertThat(probe("-XX:ActiveProcessorCount=2")).isEqualTo("parallelism=2 pooled=true");
    }

    @Test
    void aParallelismSetOnTheCommandLineWins() throws Exception {
        assertThat(probe("-XX:ActiveProcessorCount=2", "-D" + CommonPool.PARALLELISM + "=3"))
                .isEqualTo("parallelism=3 pooled=true");
    }

    /** A fresh JVM, because the common pool reads its parallelism once per process. */
    private static String probe(String... jvmOptions) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    /** Does what Main does first, then what the SDK does: an asynchronous step on the default executor. */
    public static final class Probe {
        public static void main(String[] args) {
            CommonPool.atLeastTwoWorkers();
            var pooled = CompletableFuture.supplyAsync(() -> Thread.currentThread() instanceof ForkJoinWorkerThread).join();
            System.out.println("parallelism=" + ForkJoinPool.getCommonPoolParallelism() + " pooled=" + pooled);
        }
    }
}
