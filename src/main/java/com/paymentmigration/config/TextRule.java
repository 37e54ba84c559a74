package com.paymentmigration.config;

import java.util.regex.Pattern;

/**
 * Text of a given form, optionally of a bounded length (the bound is what {@link #accepted()} shows). Optional text
 * may be empty, which means unset.
 */
final class TextRule implements KeyRule<String> {

    private final Pattern form;
    private final int minLength;
    private final int maxLength;
    private final boolean optional;
    private final String fix;

    private TextRule(Pattern form, int minLength, int maxLength, boolean optional, String fix) {
        this.form = form;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.optional = optional;
        this.fix = fix;
    }

    static TextRule any() {
        return new TextRule(Pattern.compile("(?s).*"), 0, Integer.MAX_VALUE, false, "");
    }

    /** Text matching {@code form}; a refusal says {@code fix}. */
    static TextRule matching(String form, String fix) {
        return new TextRule(Pattern.compile(form), 0, Integer.MAX_VALUE, false, fix);
    }

    /** This rule, also bounded in length; {@code fix} may show the bound with {@value KeyRule#RANGE}. */
    TextRule lengthBetween(int min, int max) {
        return new TextRule(form, min, max, optional, fix);
    }

    /** This rule, also taking the empty text, which leaves the key unset. */
    TextRule orEmpty() {
        return new TextRule(form, minLength, maxLength, true, fix);
    }

    @Override
    public ConfigKey.Type type() {
        return ConfigKey.Type.STRING;
    }

    @Override
    public String accepted() {
        return maxLength == Integer.MAX_VALUE ? "" : minLength + "-" + maxLength;
    }

    @Override
    public String read(String label, String text, Problems problems) {
        if (optional && text.isEmpty()) {
            return text;
        }
        if (text.length() < minLength || text.length() > maxLength || !form.matcher(text).matches()) {
            problems.add(label, text, fix.replace(RANGE, accepted()));
            return null;
        }
        return text;
    }
}
