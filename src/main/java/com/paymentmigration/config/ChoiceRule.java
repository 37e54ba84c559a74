package com.paymentmigration.config;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** One of an enum's values, each spelled in config by {@code configValue}. */
final class ChoiceRule<E extends Enum<E>> implements KeyRule<E> {

    private final List<E> values;
    private final Function<E, String> configValue;

    ChoiceRule(E[] values, Function<E, String> configValue) {
        this.values = List.of(values);
        this.configValue = configValue;
    }

    @Override
    public ConfigKey.Type type() {
        return ConfigKey.Type.STRING;
    }

    @Override
    public String accepted() {
        return KeyRule.inWords(names());
    }

    @Override
    public E read(String label, String text, Problems problems) {
        for (var value : values) {
            if (configValue.apply(value).equals(text)) {
                return value;
            }
        }
        problems.add(label, text, "use one of " + String.join(", ", names()) + ", e.g. pulumi config set " + label
                + " " + names().get(0));
        return null;
    }

    private List<String> names() {
        return values.stream().map(configValue).toList();
    }

    static <E extends Enum<E>> ChoiceRule<E> of(E[] values, Function<E, String> configValue) {
        return new ChoiceRule<>(Arrays.copyOf(values, values.length), configValue);
    }
}
