package com.paymentmigration.lambda.authorizer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON through Jackson's streaming API alone: a token's header and claims, a JWK set, the extension's answer, and the
 * log lines. Streaming rather than an object mapper keeps a cold start from loading and configuring a data-binding
 * layer for a handful of flat objects. Reading is strict: one object, nothing after it, no member named twice (RFC
 * 7515 4 lets a verifier reject duplicate header names, and a claim named twice has no single meaning), within
 * Jackson's default limits on nesting and number length. Integers come back as Integer, Long or BigInteger, exactly;
 * fractions as Double.
 */
final class Json {

    /** Every non-ASCII character escaped on output: a log line stays one line whatever the strings hold. */
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private Json() {
    }

    /** The JSON object {@code text} holds; an IOException names what is wrong with it. */
    static Map<String, Object> object(String text) throws IOException {
        try (var parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "not a JSON object");
            }
            var object = readObject(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "content after the JSON object");
            }
            return object;
        }
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        var object = new LinkedHashMap<String, Object>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            var name = parser.currentName();
            parser.nextToken();
            if (object.containsKey(name)) {
                throw new JsonParseException(parser, "member " + name + " appears twice");
            }
            object.put(name, value(parser));
        }
        return object;
    }

    private static Object value(JsonParser parser) throws IOException {
        var token = parser.currentToken();
        if (token == null) {
            throw new JsonParseException(parser, "JSON ends early");
        }
        switch (token) {
            case START_OBJECT:
                return readObject(parser);
            case START_ARRAY:
                var array = new ArrayList<Object>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonParseException(parser, "unexpected " + token);
        }
    }

    /** One line of JSON from flat fields: strings, numbers, booleans or null. */
    static String line(Map<String, ?> fields) {
        var out = new StringWriter();
        try (var generator = FACTORY.createGenerator(out)) {
            generator.writeStartObject();
            for (var field : fields.entrySet()) {
                generator.writeFieldName(field.getKey());
                var value = field.getValue();
                if (value instanceof Number number) {
                    generator.writeNumber(number.toString());
                } else if (value instanceof Boolean bool) {
                    generator.writeBoolean(bool);
                } else if (value == null) {
                    generator.writeNull();
                } else {
                    generator.writeString(value.toString());
                }
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }
}
