package com.paymentmigration.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a key's description says it accepts is what the reader accepts: the range text is read back from the
 * description and each bound is tried through {@link ConfigReader}, a value just inside passing and one just outside
 * failing with a problem that names the key.
 */
class ConfigKeyRangeTest {

    private static final Pattern NUMBERS = Pattern.compile("(-?\\d+)-(\\d+)");
    private static final Pattern PREFIXES = Pattern.compile("/(\\d+) to /(\\d+)");
    private static final Pattern IN_WORDS = Pattern.compile("(.+?)(?:, (.+?))* or (.+)");

    /** A value to try and whether the reader must take it. */
    record Probe(String value, boolean accepted) {
    }

    static Stream<ConfigKey> keysWithARange() {
        return Arrays.stream(ConfigKey.values()).filter(key -> !key.rule.accepted().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ConfigKey.class)
    void everyNumberHasARangeAndEveryRangeIsInItsDescription(ConfigKey key) {
        var shown = key.rule.accepted();
        if (shown.isEmpty()) {
            assertThat(key.type).as(key.key + " has no range, so it must not be a number")
                    .isNotIn(ConfigKey.Type.INTEGER, ConfigKey.Type.INTEGER_ARRAY);
        } else {
            assertThat(key.description).as(key.key + " shows what it accepts").contains(shown);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysWithARange")
    void theRangeTheDescriptionShowsIsTheRangeTheReaderApplies(ConfigKey key) {
        var shown = key.rule.accepted();
        assertThat(key.description).contains(shown);
        var probes = probes(key, shown);
        assertThat(probes).as("probes of %s from '%s'", key.key, shown).isNotEmpty();
        for (var probe : probes) {
            var config = ValidConfig.with(ValidConfig.withService(), key.key, probe.value());
            companions(key, probe.value()).forEach((other, value) -> ValidConfig.with(config, other, value));
            var error = catchThrowableOfType(InvalidConfigException.class, () -> ConfigReader.read(ConfigSource.of(config)));
            if (probe.accepted()) {
                assertThat(error).as("%s = %s is inside '%s': %s", key.key, probe.value(), shown, error).isNull();
            } else {
                assertThat(error).as("%s = %s is outside '%s'", key.key, probe.value(), shown).isNotNull();
                assertThat(error.problems()).as("%s = %s", key.key, probe.value())
                        .anySatisfy(problem -> assertThat(problem.key()).startsWith(key.qualified()));
            }
        }
    }

    private static List<Probe> probes(ConfigKey key, String shown) {
        var numbers = NUMBERS.matcher(shown);
        var prefixes = PREFIXES.matcher(shown);
        if (numbers.matches() && key.type == ConfigKey.Type.STRING) {
            return lengths(key, Integer.parseInt(numbers.group(1)), Integer.parseInt(numbers.group(2)));
        }
        if (numbers.matches()) {
            long min = Long.parseLong(numbers.group(1));
            long max = Long.parseLong(numbers.group(2));
            return List.of(number(key, min, 0, true), number(key, min - 1, 0, false),
                    number(key, max, -1, true), number(key, max + 1, -1, false));
        }
        if (prefixes.matches()) {
            var network = key.defaultValue.substring(0, key.defaultValue.indexOf('/'));
            int widest = Integer.parseInt(prefixes.group(1));
            int narrowest = Integer.parseInt(prefixes.group(2));
            return List.of(new Probe(network + "/" + widest, true), new Probe(network + "/" + (widest - 1), false),
                    new Probe(network + "/" + narrowest, true), new Probe(network + "/" + (narrowest + 1), false));
        }
        var listed = inWords(shown);
        var probes = new ArrayList<Probe>();
        if (listed.stream().allMatch(value -> value.matches("\\d+"))) {
            var accepted = listed.stream().map(Long::parseLong).toList();
            for (long value : accepted) {
                probes.add(number(key, value, 0, true));
                for (long neighbour : List.of(value - 1, value + 1)) {
                    if (!accepted.contains(neighbour)) {
                        probes.add(number(key, neighbour, 0, false));
                    }
                }
            }
        } else {
            listed.forEach(choice -> probes.add(new Probe(choice, true)));
            listed.forEach(choice -> probes.add(new Probe(choice + "x", false)));
        }
        return probes;
    }

    /** {@code a, b or c} back into its values. */
    private static List<String> inWords(String shown) {
        assertThat(shown).matches(IN_WORDS);
        var last = shown.lastIndexOf(" or ");
        var values = new ArrayList<>(List.of(shown.substring(0, last).split(", ")));
        values.add(shown.substring(last + 4));
        return values;
    }

    /** The number itself, or for a list the key's default with item {@code index} (-1: the last) set to it. */
    private static Probe number(ConfigKey key, long value, int index, boolean accepted) {
        if (key.type == ConfigKey.Type.INTEGER) {
            return new Probe(String.valueOf(value), accepted);
        }
        var items = new ArrayList<>(List.of(key.defaultValue.replaceAll("[\\[\\]]", "").split(",")));
        items.set(index < 0 ? items.size() - 1 : index, String.valueOf(value));
        return new Probe("[" + String.join(",", items) + "]", accepted);
    }

    /** A valid value of the key cut or padded to each bound; empty text unsets an optional key, so is not tried. */
    private static List<Probe> lengths(ConfigKey key, int min, int max) {
        var base = ValidConfig.withService().getOrDefault(key.qualified(), key.defaultValue);
        var probes = new ArrayList<Probe>();
        for (int length : List.of(min - 1, min, max, max + 1)) {
            if (length < 0 || length == 0 && "".equals(key.defaultValue)) {
                continue;
            }
            var value = length <= base.length() ? base.substring(0, length) : base + "a".repeat(length - base.length());
            probes.add(new Probe(value, length >= min && length <= max));
        }
        return probes;
    }

    /** The other keys a rule across keys ties {@code key} to, set so that only the key's own range decides. */
    private static Map<String, String> companions(ConfigKey key, String value) {
        return switch (key) {
            case AURORA_READER_COUNT, AURORA_SECONDARY_INSTANCE_COUNT -> Map.of("auroraAcceptSingleAz", "true");
            case SECRET_ROTATION_WINDOW_START_HOUR -> Map.of("secretRotationWindowHours", "1");
            case SECRET_ROTATION_WINDOW_HOURS -> Map.of("secretRotationWindowStartHour", "0");
            case SERVICE_MIN_TASKS -> Map.of("serviceMaxTasks", "1000");
            case SERVICE_MAX_TASKS -> Map.of("serviceMinTasks", "1");
            case SERVICE_CPU -> fargatePartner("serviceMemoryMb", value, IntStream.rangeClosed(1, 240).map(i -> i * 512),
                    (cpu, memory) -> FargateSize.problem(cpu, memory).isEmpty());
            case SERVICE_MEMORY_MB -> fargatePartner("serviceCpu", value, FargateSize.CPUS.stream().mapToInt(c -> c),
                    (memory, cpu) -> FargateSize.problem(cpu, memory).isEmpty());
            case TRAFFIC_SHIFT_BY -> Map.of("dnsDomainName", "payments.example.internal");
            // The freeze must leave room for the writers' waits: the shortest writers make every freeze bound fit,
            // and the longest freeze makes every writer bound fit.
            case WRITE_FREEZE_MAX_SECONDS -> Map.of("writerFlagMaxAgeSeconds", "1", "longestWriteTransactionSeconds", "0");
            case WRITER_FLAG_MAX_AGE_SECONDS, LONGEST_WRITE_TRANSACTION_SECONDS -> Map.of("writeFreezeMaxSeconds", "3600");
            default -> Map.of();
        };
    }

    private static Map<String, String> fargatePartner(String partnerKey, String value, IntStream candidates,
                                                      BiPredicate<Integer, Integer> pairs) {
        int own = Integer.parseInt(value);
        var partner = candidates.filter(candidate -> pairs.test(own, candidate)).findFirst();
        return partner.isPresent() ? Map.of(partnerKey, String.valueOf(partner.getAsInt())) : Map.of();
    }
}
