package com.paymentmigration.lambda.authorizer;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A documented harness, not a unit test (see the README and {@code benchmark.sh}), run on the function's jar plus
 * this class only, with the function's environment pointing at {@link ExtensionStub}.
 * <ul>
 *   <li>{@code cold DIR}: from JVM start to the first decision through {@link AuthorizerHandler}: the handler's
 *   construction from the environment, the key set read over HTTP, the token's verification (by the JDK's provider:
 *   an on-demand container loads ACCP only after its first decision) and the policy. Prints three numbers of
 *   milliseconds: the wall-clock time, the CPU time the process used by then (every thread: the JIT compilers and GC
 *   too, in 10 ms ticks), which another process's load inflates far less, and the wall-clock time from JVM start
 *   until the background load had made ACCP the provider in use ("never" if it failed within 10 s). The wall-clock
 *   time starts when the JVM does (its start time), so it leaves out the launcher's few milliseconds before that, and
 *   no number holds the Lambda runtime's own start or its JSON (de)serialisation of the event.</li>
 *   <li>{@code warm DIR}: twice, once with the JDK's provider and once with ACCP (see {@link SignatureEngines}), per
 *   algorithm, every call of {@link AuthorizerHandler#handleRequest} timed on its own, on tokens the handler has not
 *   seen (a signature check each: the cache-miss path), then on the same tokens again (the cache-hit path). Reports
 *   p50, p99 and p99.9 of the wall-clock time and of the thread's CPU time per call, the bytes allocated per call and
 *   the garbage collections during the pass. CPU time is what the code costs; wall-clock adds whatever time the
 *   scheduler gave other processes, which on a shared machine is most of the tail. The JIT is warmed first on
 *   throwaway authorizers over the same tokens, whose caches the handler does not share.</li>
 * </ul>
 */
public final class AuthorizerBenchmark {

    private static final String METHOD_ARN = "arn:aws:execute-api:eu-central-1:123456789012:abc123/live/POST/payments";
    private static final int WARM_UP_ROUNDS = 5;
    /** In a holder: loading the management beans in a cold run would add their class loading to its figure. */
    private static final class Threads {
        static final com.sun.management.ThreadMXBean BEAN =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[1]);
        if (args[0].equals("cold")) {
            String token;
            try (var tokens = Files.newBufferedReader(dir.resolve("RS256.jwt"))) {
                token = tokens.readLine(); // the first line only: decoding the whole file would be the harness's time
            }
            var response = new AuthorizerHandler().handleRequest(event(token));
            long end = System.currentTimeMillis();
            // Read before the management beans load, which would add their own class loading to the figure.
            long cpu = processCpuMillis();
            if (!response.containsKey("policyDocument")) {
                throw new IllegalStateException("benchmark token was not allowed: " + response);
            }
            // The handler has begun loading ACCP in the background after this first decision: when is it in use?
            while (SignatureEngines.preferred() == null && System.currentTimeMillis() - end < 10_000) {
                Thread.sleep(1);
            }
            long nativeReady = System.currentTimeMillis();
            long start = ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println((end - start) + " " + cpu + " "
                    + (SignatureEngines.preferred() == null ? "never" : String.valueOf(nativeReady - start)));
            return;
        }
        var keys = Files.readString(dir.resolve("keys.json"));
        System.out.printf("one read of the thread CPU clock costs %.2f us (in every cpu sample once)%n", cpuClockCost() / 1e3);
        var algorithms = List.of("RS256", "ES256", "HS256");
        var tokensOf = new java.util.HashMap<String, List<String>>();
        for (var algorithm : algorithms) {
            tokensOf.put(algorithm, Files.readAllLines(dir.resolve(algorithm + ".jwt")));
        }
        for (var provider : List.of(Providers.JDK, Providers.ACCP)) {
            // The handler a container builds from its environment, without the hook that loads ACCP in the
            // background: each pass runs under the one provider it names.
            Providers.use(provider, System.err);
            System.out.println("signature checks by " + provider);
            var handler = new AuthorizerHandler(AuthorizerHandler.fromEnvironment(), System.out);
            for (var algorithm : algorithms) {
                var tokens = tokensOf.get(algorithm);
                for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                    var throwaway = new Authorizer(new JwtVerifier(new Keys(() -> keys, Clock.systemUTC()), System.getenv("ISSUER"),
                            System.getenv("AUDIENCE"), Clock.systemUTC()), ScopeRoutes.parse(System.getenv("SCOPE_ROUTES")));
                    for (var token : tokens) {
                        throwaway.decide(event(token));
                    }
                }
                report(provider + " " + algorithm + " first sight (signature checked)", handler, tokens);
                report(provider + " " + algorithm + " seen before (cached)", handler, tokens);
            }
        }
    }

    private static void report(String what, AuthorizerHandler handler, List<String> tokens) {
        int n = tokens.size();
        var wall = new long[n];
        var cpu = new long[n];
        var events = tokens.stream().map(AuthorizerBenchmark::event).toList();
        long thread = Thread.currentThread().getId();
        long gcBefore = collections();
        long allocatedBefore = Threads.BEAN.getThreadAllocatedBytes(thread);
        for (int i = 0; i < n; i++) {
            long c0 = Threads.BEAN.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            handler.handleRequest(events.get(i));
            wall[i] = System.nanoTime() - t0;
            cpu[i] = Threads.BEAN.getCurrentThreadCpuTime() - c0;
        }
        long allocated = Threads.BEAN.getThreadAllocatedBytes(thread) - allocatedBefore;
        System.out.printf("%s, %d calls of handleRequest:%n  wall %s%n  cpu  %s%n  allocated %d bytes per call, %d GCs%n",
                what, n, percentiles(wall), percentiles(cpu), allocated / n, collections() - gcBefore);
    }

    private static String percentiles(long[] samples) {
        Arrays.sort(samples);
        return String.format("p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us", at(samples, 0.50) / 1e3,
                at(samples, 0.99) / 1e3, at(samples, 0.999) / 1e3, samples[samples.length - 1] / 1e3);
    }

    /** The nearest-rank percentile: the smallest sample with at least this share of the samples at or below it. */
    private static long at(long[] sorted, double share) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * share) - 1)];
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** The median cost of reading the thread's CPU clock, which each CPU sample includes once. */
    private static long cpuClockCost() {
        var samples = new long[10_000];
        for (int i = 0; i < samples.length; i++) {
            long c0 = Threads.BEAN.getCurrentThreadCpuTime();
            samples[i] = Threads.BEAN.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(samples);
        return samples[samples.length / 2];
    }

    /** User plus system CPU time of this process so far, from /proc/self/stat (Linux; in clock ticks of 10 ms). */
    private static long processCpuMillis() throws java.io.IOException {
        var stat = Files.readString(Path.of("/proc/self/stat"));
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static Map<String, Object> event(String token) {
        return Map.of("type", "REQUEST", "methodArn", METHOD_ARN, "headers", Map.of("Authorization", "Bearer " + token));
    }
}
