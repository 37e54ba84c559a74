package com.paymentmigration.config;

import java.util.List;

/**
 * How one key's text becomes its value. A rule knows the Pulumi type it reads, what it accepts (as the key's
 * description shows it) and the fix it names when it refuses a value, so that the text a user reads and the check
 * the program makes come from one place.
 */
interface KeyRule<T> {

    /** Where a key's description (or a rule's fix) shows {@link #accepted()}. */
    String RANGE = "{range}";

    ConfigKey.Type type();

    /** What the rule accepts, e.g. {@code 2-6} or {@code 1, 5 or 60}; empty when it is a form words describe better. */
    default String accepted() {
        return "";
    }

    /**
     * The value of {@code text}, or null after adding to {@code problems}, under {@code label}, why it is refused and
     * how to fix it.
     */
    T read(String label, String text, Problems problems);

    /** {@code a, b or c}: how a description and a message list the values a rule accepts. */
    static String inWords(List<String> values) {
        return values.size() == 1 ? values.get(0)
                : String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }
}
