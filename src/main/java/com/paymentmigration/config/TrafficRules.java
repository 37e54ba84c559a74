package com.paymentmigration.config;

import java.util.ArrayList;
import java.util.List;

import static com.paymentmigration.config.ConfigKey.API_5XX_RATE_PERCENT;
import static com.paymentmigration.config.ConfigKey.API_LATENCY_P99_MS;
import static com.paymentmigration.config.ConfigKey.CDC_LATENCY_CONSECUTIVE_CHECKS;
import static com.paymentmigration.config.ConfigKey.CDC_LATENCY_THRESHOLD_SECONDS;
import static com.paymentmigration.config.ConfigKey.DNS_DOMAIN_NAME;
import static com.paymentmigration.config.ConfigKey.DNS_HOSTED_ZONE_ID;
import static com.paymentmigration.config.ConfigKey.GLOBAL_DB_LAG_THRESHOLD_MS;
import static com.paymentmigration.config.ConfigKey.LONGEST_WRITE_TRANSACTION_SECONDS;
import static com.paymentmigration.config.ConfigKey.TRAFFIC_BAKE_MINUTES;
import static com.paymentmigration.config.ConfigKey.TRAFFIC_SHIFT_BY;
import static com.paymentmigration.config.ConfigKey.TRAFFIC_STEPS;
import static com.paymentmigration.config.ConfigKey.WAF_BLOCKED_ALARM_THRESHOLD;
import static com.paymentmigration.config.ConfigKey.WRITER_FLAG_MAX_AGE_SECONDS;
import static com.paymentmigration.config.ConfigKey.WRITE_FREEZE_MAX_SECONDS;

/** The traffic shift and the thresholds that stop it: steps that only go up, to all traffic, each with a bake time. */
final class TrafficRules {

    private static final long ALL = 100;

    private TrafficRules() {
    }

    /** The whole-list rule of {@link ConfigKey#TRAFFIC_STEPS}: strictly increasing, the last step 100. */
    static void increasingToAll(String label, List<String> texts, List<Long> percents, Problems problems) {
        var shown = percents.toString().replace(" ", "");
        for (int i = 1; i < percents.size(); i++) {
            if (percents.get(i) <= percents.get(i - 1)) {
                problems.add(label, shown, "step " + (i + 1) + " (" + percents.get(i) + "%) does not increase on step " + i
                        + " (" + percents.get(i - 1) + "%); steps must be strictly increasing");
            }
        }
        if (percents.get(percents.size() - 1) != ALL) {
            problems.add(label, shown, "the last step must be " + ALL + " so that the shift completes");
        }
    }

    static List<MigrationConfig.TrafficStep> steps(KeyValues values) {
        var steps = new ArrayList<MigrationConfig.TrafficStep>();
        if (!values.valid(TRAFFIC_STEPS, TRAFFIC_BAKE_MINUTES)) {
            return steps;
        }
        var percents = values.list(TRAFFIC_STEPS, Long.class);
        var bakes = values.list(TRAFFIC_BAKE_MINUTES, Long.class);
        if (bakes.size() != 1 && bakes.size() != percents.size()) {
            values.fail(TRAFFIC_BAKE_MINUTES, bakes.toString().replace(" ", ""), "give one bake time per traffic step ("
                    + percents.size() + ") or a single one for all steps");
            return steps;
        }
        for (int i = 0; i < percents.size(); i++) {
            steps.add(new MigrationConfig.TrafficStep(Math.toIntExact(percents.get(i)),
                    Math.toIntExact(bakes.get(bakes.size() == 1 ? 0 : i))));
        }
        return steps;
    }

    /** What the shift moves; moving DNS weights needs a weighted name. */
    static TrafficShift shift(KeyValues values, MigrationConfig.Dns dns) {
        var shift = values.value(TRAFFIC_SHIFT_BY, TrafficShift.class);
        if (values.valid(TRAFFIC_SHIFT_BY, DNS_DOMAIN_NAME, DNS_HOSTED_ZONE_ID) && shift.movesDns() && !dns.enabled()) {
            values.fail(TRAFFIC_SHIFT_BY, shift.configValue(), "moves DNS weights, but there is no weighted name; "
                    + "set " + DNS_DOMAIN_NAME.qualified() + " or use api");
        }
        return shift;
    }

    static MigrationConfig.Thresholds thresholds(KeyValues values) {
        return new MigrationConfig.Thresholds(values.integer(CDC_LATENCY_THRESHOLD_SECONDS),
                values.integer(CDC_LATENCY_CONSECUTIVE_CHECKS), values.integer(API_5XX_RATE_PERCENT),
                values.integer(API_LATENCY_P99_MS), values.integer(GLOBAL_DB_LAG_THRESHOLD_MS),
                values.integer(WRITE_FREEZE_MAX_SECONDS), values.integer(WAF_BLOCKED_ALARM_THRESHOLD));
    }

    /** The writers' flag cache and transaction bounds, which the write freeze must leave room to wait out. */
    static MigrationConfig.WriterContract writerContract(KeyValues values) {
        var contract = new MigrationConfig.WriterContract(values.integer(WRITER_FLAG_MAX_AGE_SECONDS),
                values.integer(LONGEST_WRITE_TRANSACTION_SECONDS));
        if (!values.valid(WRITE_FREEZE_MAX_SECONDS, WRITER_FLAG_MAX_AGE_SECONDS, LONGEST_WRITE_TRANSACTION_SECONDS)) {
            return contract;
        }
        int writeFreezeMaxSeconds = values.integer(WRITE_FREEZE_MAX_SECONDS);
        int minimum = contract.minimumWriteFreezeSeconds();
        if (writeFreezeMaxSeconds < minimum) {
            values.fail(WRITE_FREEZE_MAX_SECONDS, String.valueOf(writeFreezeMaxSeconds), "leaves no room for the "
                    + "waits: the freeze waits " + WRITER_FLAG_MAX_AGE_SECONDS.qualified() + " ("
                    + contract.flagMaxAgeSeconds() + " s) + " + LONGEST_WRITE_TRANSACTION_SECONDS.qualified()
                    + " (" + contract.longestWriteTransactionSeconds() + " s) before it measures the drain and "
                    + WRITER_FLAG_MAX_AGE_SECONDS.qualified() + " (" + contract.flagMaxAgeSeconds()
                    + " s) again before the thaw, and needs at least "
                    + MigrationConfig.WriterContract.MIN_DRAIN_AND_VALIDATION_SECONDS + " s to drain and validate: "
                    + "set it to at least " + minimum + ", or shorten the writers' flag cache or transactions");
        }
        return contract;
    }
}
