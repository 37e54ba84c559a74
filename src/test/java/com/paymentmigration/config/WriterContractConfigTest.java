package com.paymentmigration.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The writers' flag cache age and transaction bound, and the room the write freeze must leave to wait them out. */
class WriterContractConfigTest {

    @Test
    void defaultsToFiveSecondsEachAndReadsSetValues() {
        var defaults = ConfigReader.read(ConfigSource.of(ValidConfig.map())).writerContract();
        assertThat(defaults).isEqualTo(new MigrationConfig.WriterContract(5, 5));
        assertThat(defaults.freezeWaitSeconds()).isEqualTo(10);
        assertThat(defaults.flipWaitSeconds()).isEqualTo(5);

        var set = ValidConfig.with(ValidConfig.with("writerFlagMaxAgeSeconds", "30"), "longestWriteTransactionSeconds", "0");
        assertThat(ConfigReader.read(ConfigSource.of(set)).writerContract())
                .isEqualTo(new MigrationConfig.WriterContract(30, 0));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "writerFlagMaxAgeSeconds        | 0    | must be between 1 and 300",
            "writerFlagMaxAgeSeconds        | 301  | must be between 1 and 300",
            "writerFlagMaxAgeSeconds        | five | must be a whole number between 1 and 300",
            "longestWriteTransactionSeconds | -1   | must be between 0 and 600",
            "longestWriteTransactionSeconds | 601  | must be between 0 and 600",
    })
    void eachKeyHasItsRange(String key, String value, String message) {
        var error = rejected(ValidConfig.with(key, value));
        assertThat(error.problems()).as("a bad value is reported once, not again as a freeze without room")
                .singleElement().satisfies(problem -> {
                    assertThat(problem.key()).isEqualTo("migration:" + key);
                    assertThat(problem.message()).contains(message);
                });
    }

    @Test
    void theFreezeLimitMustLeaveRoomForBothWaitsTheDrainAndTheValidation() {
        // 5 + 5 before the drain, 5 before the thaw, 30 to drain and validate: 45 is the least that fits.
        assertThat(ConfigReader.read(ConfigSource.of(ValidConfig.with("writeFreezeMaxSeconds", "45"))).thresholds()
                .writeFreezeMaxSeconds()).isEqualTo(45);

        var error = rejected(ValidConfig.with("writeFreezeMaxSeconds", "44"));
        assertThat(error.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("migration:writeFreezeMaxSeconds");
            assertThat(problem.value()).isEqualTo("44");
            assertThat(problem.message()).contains("migration:writerFlagMaxAgeSeconds (5 s)",
                    "migration:longestWriteTransactionSeconds (5 s)", "at least 30 s to drain and validate",
                    "set it to at least 45", "or shorten the writers' flag cache or transactions");
        });
    }

    @Test
    void longerWaitsRaiseTheLeastFreezeLimit() {
        var config = ValidConfig.with(ValidConfig.with("writerFlagMaxAgeSeconds", "60"), "longestWriteTransactionSeconds",
                "30");
        // The default limit of 120 s is less than 60 + 30 + 60 + 30.
        assertThat(rejected(config).problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("(60 s)", "(30 s)", "set it to at least 180"));
        assertThat(ConfigReader.read(ConfigSource.of(ValidConfig.with(config, "writeFreezeMaxSeconds", "180")))
                .writerContract().minimumWriteFreezeSeconds()).isEqualTo(180);
    }

    private static InvalidConfigException rejected(Map<String, String> config) {
        var error = catchThrowableOfType(InvalidConfigException.class, () -> ConfigReader.read(ConfigSource.of(config)));
        assertThat(error).as("config must be rejected").isNotNull();
        return error;
    }
}
