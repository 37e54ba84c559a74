package com.paymentmigration.executor;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates the JSONata in a field of a state. A string that starts with {@code {%} and ends with {@code %}} (no
 * space outside) is an expression; any other value is literal, and objects and arrays are walked so that expressions
 * nested at any depth are evaluated ("Transforming data with JSONata in Step Functions").
 *
 * <p>An expression that evaluates to undefined fails with {@code States.QueryEvaluationError}, wherever it sits in the
 * field: JSON cannot hold undefined, and the AWS docs give no rule that drops the member instead, so we follow the
 * behaviour LocalStack recorded against AWS ("returned nothing (undefined)"). So does an expression whose result is no
 * JSON value (a function), and any error the engine raises.
 */
final class Expressions {

    static final String OPEN = "{%";
    static final String CLOSE = "%}";

    private final StepFunctionsFunctions functions;
    private final Map<String, Jsonata> compiled;

    /**
     * @param compiled parsed expressions by text, shared by an execution and its distributed children (they run one
     *                 at a time on one thread; a parsed expression keeps evaluation state, so it is never shared across
     *                 threads)
     */
    Expressions(StepFunctionsFunctions functions, Map<String, Jsonata> compiled) {
        this.functions = functions;
        this.compiled = compiled;
    }

    static Map<String, Jsonata> newCache() {
        return new HashMap<>();
    }

    static boolean isExpression(JsonNode value) {
        return value != null && value.isTextual() && isExpression(value.asText());
    }

    static boolean isExpression(String text) {
        return text.startsWith(OPEN) && text.endsWith(CLOSE) && text.length() >= OPEN.length() + CLOSE.length();
    }

    static String body(String text) {
        return text.substring(OPEN.length(), text.length() - CLOSE.length()).trim();
    }

    /** Parses an expression; the JSONata error message when it does not parse. */
    static String syntaxError(String expression) {
        try {
            Jsonata.jsonata(expression);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /**
     * @param template the field's value as written in the definition
     * @param field    where it sits, for errors: {@code Arguments}, {@code Output}, {@code Assign.total}, ...
     */
    JsonNode evaluate(JsonNode template, Bindings bindings, String field) {
        if (isExpression(template)) {
            return evaluateExpression(body(template.asText()), bindings, field);
        }
        if (template.isObject()) {
            var node = JsonNodeFactory.instance.objectNode();
            template.fields().forEachRemaining(e -> node.set(e.getKey(),
                    evaluate(e.getValue(), bindings, field + "." + e.getKey())));
            return node;
        }
        if (template.isArray()) {
            var node = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < template.size(); i++) {
                node.add(evaluate(template.get(i), bindings, field + "[" + i + "]"));
            }
            return node;
        }
        return template.deepCopy();
    }

    JsonNode evaluateExpression(String expression, Bindings bindings, String field) {
        Object result;
        try {
            var jsonata = compiled.computeIfAbsent(expression, Jsonata::jsonata);
            jsonata.setOutputConvertNulls(false);
            var frame = jsonata.createFrame();
            functions.bindInto(frame);
            frame.bind("states", JsonataValues.toJsonata(bindings.states()));
            bindings.variables().forEach((name, value) -> frame.bind(name, JsonataValues.toJsonata(value)));
            result = jsonata.evaluate(null, frame);
        } catch (RuntimeException e) {
            throw queryError(expression, field, "threw an error during evaluation: " + e.getMessage());
        }
        if (result == null) {
            throw queryError(expression, field, "returned nothing (undefined)");
        }
        try {
            return JsonataValues.toJson(result);
        } catch (IllegalArgumentException e) {
            throw queryError(expression, field, "returned an unsupported result type (" + e.getMessage() + ")");
        }
    }

    private static StatesError queryError(String expression, String field, String what) {
        return new StatesError(ErrorNames.QUERY_EVALUATION_ERROR,
                "The JSONata expression '" + expression + "' specified for the field '" + field + "' " + what);
    }
}
