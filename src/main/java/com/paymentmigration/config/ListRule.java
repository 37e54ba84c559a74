package com.paymentmigration.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

/**
 * A list (Pulumi passes it as JSON) whose every item passes the item rule; a refused item is named by its index.
 * A rule over the whole list runs once every item is valid.
 */
final class ListRule<T> implements KeyRule<List<T>> {

    /** A rule over all items of a list; {@code texts} are the items as written, for messages. */
    interface WholeListRule<T> {
        void check(String label, List<String> texts, List<T> items, Problems problems);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyRule<T> item;
    private final String example;
    /** Null: the list may be empty. */
    private final String emptyFix;
    private final WholeListRule<T> whole;

    private ListRule(KeyRule<T> item, String example, String emptyFix, WholeListRule<T> whole) {
        this.item = item;
        this.example = example;
        this.emptyFix = emptyFix;
        this.whole = whole;
    }

    /** A list of items read by {@code item}; {@code example} (JSON) is shown when the value is not a list. */
    static <T> ListRule<T> of(KeyRule<T> item, String example) {
        return new ListRule<>(item, example, null, (label, texts, items, problems) -> { });
    }

    /** This rule, refusing an empty list with {@code fix} and the example. */
    ListRule<T> nonEmpty(String fix) {
        return new ListRule<>(item, example, fix, whole);
    }

    /** This rule, also checking the whole list with {@code rule}. */
    ListRule<T> and(WholeListRule<T> rule) {
        var first = whole;
        return new ListRule<>(item, example, emptyFix, (label, texts, items, problems) -> {
            first.check(label, texts, items, problems);
            rule.check(label, texts, items, problems);
        });
    }

    /** This rule, refusing a second item with the same {@code identity}; {@code message} says what is repeated. */
    ListRule<T> unique(Function<T, Object> identity, Function<T, String> message) {
        return and((label, texts, items, problems) -> {
            var seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                if (!seen.add(identity.apply(items.get(i)))) {
                    problems.add(label + "[" + i + "]", texts.get(i), message.apply(items.get(i)));
                }
            }
        });
    }

    @Override
    public ConfigKey.Type type() {
        return item.type() == ConfigKey.Type.INTEGER ? ConfigKey.Type.INTEGER_ARRAY : ConfigKey.Type.STRING_ARRAY;
    }

    @Override
    public String accepted() {
        return item.accepted();
    }

    @Override
    public List<T> read(String label, String text, Problems problems) {
        var texts = itemTexts(label, text, problems);
        if (texts == null) {
            return null;
        }
        if (texts.isEmpty() && emptyFix != null) {
            problems.add(label, "[]", emptyFix + ", e.g. " + example);
            return null;
        }
        int before = problems.count();
        var items = new ArrayList<T>();
        for (int i = 0; i < texts.size(); i++) {
            items.add(item.read(label + "[" + i + "]", texts.get(i), problems));
        }
        if (problems.count() == before) {
            whole.check(label, texts, items, problems);
        }
        return problems.count() == before ? items : null;
    }

    private List<String> itemTexts(String label, String text, Problems problems) {
        JsonNode array = null;
        try {
            array = JSON.readTree(text);
        } catch (IOException ignored) {
            // reported below with the expected form
        }
        if (array == null || !array.isArray()) {
            problems.add(label, text, "must be a list, e.g. " + example + "; in Pulumi.<stack>.yaml write a YAML list, "
                    + "or use pulumi config set --path '" + label.substring(label.indexOf(':') + 1) + "[0]' <value>");
            return null;
        }
        boolean numbers = item.type() == ConfigKey.Type.INTEGER;
        var texts = new ArrayList<String>();
        for (var node : array) {
            // `pulumi config set --path 'trafficSteps[0]' 10` stores a number; a hand-edited file may quote it.
            boolean fits = numbers ? node.isIntegralNumber() || node.isTextual() && node.asText().matches("-?\\d+")
                    : node.isTextual();
            if (!fits) {
                problems.add(label, array.toString(), numbers ? "every item must be a whole number" : "every item must be a string");
                return null;
            }
            texts.add(node.asText());
        }
        return texts;
    }
}
