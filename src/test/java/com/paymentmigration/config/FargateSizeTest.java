package com.paymentmigration.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FargateSizeTest {

    /** The edges of every row of AWS's table, and one step past them. */
    @ParameterizedTest(name = "cpu {0} memory {1}: {2}")
    @CsvSource({
            "256, 512, true", "256, 1024, true", "256, 2048, true", "256, 1536, false", "256, 4096, false",
            "512, 1024, true", "512, 4096, true", "512, 512, false", "512, 5120, false", "512, 1536, false",
            "1024, 2048, true", "1024, 8192, true", "1024, 9216, false",
            "2048, 4096, true", "2048, 16384, true", "2048, 17408, false",
            "4096, 8192, true", "4096, 30720, true", "4096, 31744, false",
            "8192, 16384, true", "8192, 61440, true", "8192, 17408, false", "8192, 65536, false",
            "16384, 32768, true", "16384, 122880, true", "16384, 36864, false",
            "768, 2048, false", "32768, 65536, false",
    })
    void acceptsExactlyThePairsFargateTakes(int cpu, int memory, boolean accepted) {
        assertThat(FargateSize.problem(cpu, memory).isEmpty()).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "256 | 1536 | with CPU 256 Fargate takes 512, 1024 or 2048 MiB, not 1536",
            "2048 | 1024 | with CPU 2048 Fargate takes 4096-16384 MiB in steps of 1024, not 1024",
            "300 | 1024 | Fargate takes CPU 256, 512, 1024, 2048, 4096, 8192 or 16384, not 300",
    })
    void aRefusalNamesWhatWouldBeAccepted(int cpu, int memory, String message) {
        assertThat(FargateSize.problem(cpu, memory)).contains(message);
    }
}
