package com.paymentmigration.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CPU and memory pairs Fargate accepts (AWS ECS API reference, TaskDefinition.memory). Checked at config time
 * so that a bad pair names the accepted values instead of failing later at RegisterTaskDefinition.
 */
public final class FargateSize {

    /** Memory in MiB from {@code minMb} to {@code maxMb} in steps of {@code stepMb}, or exactly {@code only}. */
    private record Memory(int minMb, int maxMb, int stepMb, Set<Integer> only) {
        static Memory range(int minMb, int maxMb, int stepMb) {
            return new Memory(minMb, maxMb, stepMb, Set.of());
        }

        boolean accepts(int memoryMb) {
            return only.isEmpty() ? memoryMb >= minMb && memoryMb <= maxMb && (memoryMb - minMb) % stepMb == 0
                    : only.contains(memoryMb);
        }

        String describe() {
            return only.isEmpty() ? minMb + "-" + maxMb + " MiB in steps of " + stepMb
                    : KeyRule.inWords(only.stream().sorted().map(String::valueOf).toList()) + " MiB";
        }
    }

    private static final Map<Integer, Memory> MEMORY_BY_CPU = Map.of(
            256, new Memory(512, 2048, 0, Set.of(512, 1024, 2048)),
            512, Memory.range(1024, 4096, 1024),
            1024, Memory.range(2048, 8192, 1024),
            2048, Memory.range(4096, 16384, 1024),
            4096, Memory.range(8192, 30720, 1024),
            8192, Memory.range(16384, 61440, 4096),
            16384, Memory.range(32768, 122880, 8192));

    /** The CPU units Fargate takes. */
    public static final java.util.SortedSet<Integer> CPUS = new java.util.TreeSet<>(MEMORY_BY_CPU.keySet());
    /** The least and the most memory any CPU size takes, in MiB. */
    public static final int SMALLEST_MEMORY_MB = MEMORY_BY_CPU.values().stream().mapToInt(Memory::minMb).min().orElseThrow();
    public static final int LARGEST_MEMORY_MB = MEMORY_BY_CPU.values().stream().mapToInt(Memory::maxMb).max().orElseThrow();

    private FargateSize() {
    }

    /** The memory Fargate takes with {@code cpu}, in words, e.g. {@code 1024-4096 MiB in steps of 1024}. */
    public static String memoryFor(int cpu) {
        return MEMORY_BY_CPU.get(cpu).describe();
    }

    /** Why Fargate refuses the pair, naming what it would accept; empty when it takes it. */
    public static Optional<String> problem(int cpu, int memoryMb) {
        var memory = MEMORY_BY_CPU.get(cpu);
        if (memory == null) {
            return Optional.of("Fargate takes CPU " + KeyRule.inWords(CPUS.stream().map(String::valueOf).toList())
                    + ", not " + cpu);
        }
        return memory.accepts(memoryMb) ? Optional.empty()
                : Optional.of("with CPU " + cpu + " Fargate takes " + memory.describe() + ", not " + memoryMb);
    }
}
