package com.paymentmigration.config;

import java.util.function.Function;

/**
 * A value parsed from text: true or false, a network, a version, a URL. The parser refuses a value by throwing an
 * {@link IllegalArgumentException} whose message is the fix.
 */
final class ParsedRule<T> implements KeyRule<T> {

    private final ConfigKey.Type type;
    private final String accepted;
    private final Function<String, T> parser;

    ParsedRule(ConfigKey.Type type, String accepted, Function<String, T> parser) {
        this.type = type;
        this.accepted = accepted;
        this.parser = parser;
    }

    /** Text parsed by {@code parser}, which names what it accepts in its refusals. */
    static <T> ParsedRule<T> text(Function<String, T> parser) {
        return new ParsedRule<>(ConfigKey.Type.STRING, "", parser);
    }

    static ParsedRule<Boolean> trueOrFalse() {
        return new ParsedRule<>(ConfigKey.Type.BOOLEAN, "", text -> switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        });
    }

    @Override
    public ConfigKey.Type type() {
        return type;
    }

    @Override
    public String accepted() {
        return accepted;
    }

    @Override
    public T read(String label, String text, Problems problems) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            problems.add(label, text, e.getMessage());
            return null;
        }
    }
}
