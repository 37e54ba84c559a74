package com.paymentmigration.config;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A whole number from {@code min} to {@code max}, or one of the fixed set of values a service accepts. */
final class WholeNumberRule implements KeyRule<Long> {

    private final long min;
    private final long max;
    /** Empty: every number in the range. */
    private final TreeSet<Long> only;
    private final String service;
    private final String unit;

    private WholeNumberRule(long min, long max, Set<Long> only, String service, String unit) {
        this.min = min;
        this.max = max;
        this.only = new TreeSet<>(only);
        this.service = service;
        this.unit = unit;
    }

    static WholeNumberRule between(long min, long max) {
        return new WholeNumberRule(min, max, Set.of(), "", "");
    }

    /** One of {@code accepted}; a refusal says that {@code service} accepts only these (in {@code unit}). */
    static WholeNumberRule oneOf(Set<Integer> accepted, String service, String unit) {
        var values = new TreeSet<Long>();
        accepted.forEach(v -> values.add((long) v));
        return new WholeNumberRule(values.first(), values.last(), values, service, unit);
    }

    @Override
    public ConfigKey.Type type() {
        return ConfigKey.Type.INTEGER;
    }

    @Override
    public String accepted() {
        return only.isEmpty() ? min + "-" + max : KeyRule.inWords(only.stream().map(String::valueOf).toList());
    }

    @Override
    public Long read(String label, String text, Problems problems) {
        long number;
        try {
            number = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            problems.add(label, text, only.isEmpty() ? "must be a whole number between " + min + " and " + max : acceptsOnly());
            return null;
        }
        if (only.isEmpty() && (number < min || number > max)) {
            problems.add(label, text, "must be between " + min + " and " + max);
            return null;
        }
        if (!only.isEmpty() && !only.contains(number)) {
            problems.add(label, text, acceptsOnly());
            return null;
        }
        return number;
    }

    private String acceptsOnly() {
        return service + " accepts only " + List.copyOf(only) + " (" + unit + ")";
    }
}
