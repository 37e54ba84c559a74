package com.paymentmigration.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's config reference is the table {@link ConfigReference} writes from the keys. */
class ConfigReferenceTest {

    @Test
    void theReadmeTableIsTheOneWrittenFromTheKeys() throws Exception {
        var readme = Files.readString(Path.of("README.md"));
        var section = readme.substring(readme.indexOf("## Config reference"));
        var table = Arrays.stream(section.substring(section.indexOf("| key |")).split("\n"))
                .takeWhile(line -> line.startsWith("|")).map(line -> line + "\n").collect(Collectors.joining());

        assertThat(table).as("README.md's config table; regenerate it with "
                + "java -cp target/payment-migration.jar com.paymentmigration.config.ConfigReference")
                .isEqualTo(ConfigReference.markdownTable());
    }

    @Test
    void aRowShowsTheKeyItsTypeItsDefaultAndItsMeaning() {
        assertThat(ConfigReference.markdownTable())
                .contains("| `availabilityZoneCount` | integer | `3` | Availability zones per VPC (2-6). |\n")
                .contains("| `environmentSuffix` | string | **required** | ")
                .contains("| `apiDomainName` | string | `\"\"` (none) | ")
                .contains("| `trafficSteps` | integer[] | `[10,25,50,100]` | ");
    }
}
