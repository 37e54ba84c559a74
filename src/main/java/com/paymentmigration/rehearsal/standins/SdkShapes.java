package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.Buildable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Step Functions' JSON for an AWS API shape, read into and written from the AWS SDK for Java v2 model of that shape.
 * The SDK's field metadata ({@link SdkPojo#sdkFields()}: member name, marshalling type, list and map members) is the
 * operation's model, so a member the API does not have, a value of the wrong type or a missing required member is
 * found exactly where the service would reject it. Members are named as Step Functions names them for aws-sdk
 * integrations: the API's member name in PascalCase even where the API is camelCase, as API Gateway's is
 * ({@code restApiId} is {@code RestApiId}; https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html).
 */
public final class SdkShapes {

    static final ObjectMapper JSON = new ObjectMapper();

    private SdkShapes() {
    }

    /** A request the service rejects before acting on it. */
    public static final class Violation extends Exception {
        public Violation(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code json} as a {@code type} (a request or a nested structure), checking every member against the model
     * and {@link RequiredMembers}; {@code extraMembers} are members the integration takes outside the model (a
     * streaming body), which are left to the caller.
     */
    public static <T extends SdkPojo> T read(Class<T> type, JsonNode json, Set<String> extraMembers) throws Violation {
        try {
            var builder = (SdkPojo) type.getMethod("builder").invoke(null);
            return type.cast(readInto(builder, json, type.getSimpleName(), extraMembers, type));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the SDK model " + type.getName() + " has no builder", e);
        }
    }

    private static Object readInto(SdkPojo builder, JsonNode json, String path, Set<String> extraMembers,
                                   Class<?> shape) throws Violation {
        if (!json.isObject()) {
            throw new Violation(path + " must be an object, not " + json.getNodeType().name().toLowerCase());
        }
        var fields = builder.sdkFields().stream().collect(Collectors.toMap(SdkShapes::name, f -> f));
        var names = json.fieldNames();
        while (names.hasNext()) {
            var name = names.next();
            if (extraMembers.contains(name)) {
                continue;
            }
            var field = fields.get(name);
            if (field == null) {
                throw new Violation("Unknown member '" + name + "' in " + path + "; the API's members are "
                        + fields.keySet().stream().sorted().toList());
            }
            var value = json.get(name);
            if (!value.isNull()) {
                field.set(builder, value(field, value, path + "." + name));
            }
        }
        for (var required : RequiredMembers.of(shape)) {
            if (!json.hasNonNull(required)) {
                throw new Violation("1 validation error detected: Value null at '" + lowerFirst(required)
                        + "' failed to satisfy constraint: Member must not be null (" + path + "." + required + ")");
            }
        }
        var built = ((Buildable) builder).build();
        checkEnums((SdkPojo) built, path);
        return built;
    }

    /**
     * A member typed by an enum in the model takes only its values (the SDK reads any other as
     * UNKNOWN_TO_SDK_VERSION); the service answers such a request with its validation error.
     */
    private static void checkEnums(SdkPojo pojo, String path) throws Violation {
        for (var method : pojo.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || !method.getReturnType().isEnum()) {
                continue;
            }
            for (var field : pojo.sdkFields()) {
                if (field.marshallingType() == MarshallingType.STRING
                        && field.memberName().equalsIgnoreCase(method.getName()) && field.getValueOrDefault(pojo) != null) {
                    Object value;
                    try {
                        value = method.invoke(pojo);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                    if (((Enum<?>) value).name().equals("UNKNOWN_TO_SDK_VERSION")) {
                        var allowed = java.util.Arrays.stream(method.getReturnType().getEnumConstants())
                                .map(String::valueOf).filter(v -> !v.equals("null")).toList();
                        throw new Violation("1 validation error detected: Value '" + field.getValueOrDefault(pojo)
                                + "' at '" + lowerFirst(field.memberName()) + "' failed to satisfy constraint: Member "
                                + "must satisfy enum value set: " + allowed + " (" + path + ")");
                    }
                }
            }
        }
    }

    private static Object value(SdkField<?> field, JsonNode json, String path) throws Violation {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            if (!json.isTextual()) {
                throw new Violation(path + " must be a string, not " + json);
            }
            return json.asText();
        }
        if (type == MarshallingType.INTEGER || type == MarshallingType.LONG || type == MarshallingType.SHORT) {
            if (!json.isIntegralNumber()) {
                throw new Violation(path + " must be a whole number, not " + json);
            }
            return type == MarshallingType.INTEGER ? (Object) json.intValue()
                    : type == MarshallingType.LONG ? (Object) json.longValue() : (Object) json.shortValue();
        }
        if (type == MarshallingType.DOUBLE || type == MarshallingType.FLOAT || type == MarshallingType.BIG_DECIMAL) {
            if (!json.isNumber()) {
                throw new Violation(path + " must be a number, not " + json);
            }
            return type == MarshallingType.DOUBLE ? (Object) json.doubleValue()
                    : type == MarshallingType.FLOAT ? (Object) json.floatValue() : (Object) json.decimalValue();
        }
        if (type == MarshallingType.BOOLEAN) {
            if (!json.isBoolean()) {
                throw new Violation(path + " must be true or false, not " + json);
            }
            return json.booleanValue();
        }
        if (type == MarshallingType.INSTANT) {
            return instant(json, path);
        }
        if (type == MarshallingType.SDK_BYTES) {
            if (!json.isTextual()) {
                throw new Violation(path + " must be a string (its bytes), not " + json);
            }
            return SdkBytes.fromUtf8String(json.asText());
        }
        if (type == MarshallingType.SDK_POJO) {
            var nested = field.constructor().get();
            return readInto(nested, json, path, Set.of(), built(nested));
        }
        if (type == MarshallingType.LIST) {
            if (!json.isArray()) {
                throw new Violation(path + " must be a list, not " + json);
            }
            var member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            var list = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) {
                list.add(value(member, json.get(i), path + "[" + i + "]"));
            }
            return list;
        }
        if (type == MarshallingType.MAP) {
            if (!json.isObject()) {
                throw new Violation(path + " must be an object, not " + json);
            }
            var member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            var map = new LinkedHashMap<String, Object>();
            var entries = json.fields();
            while (entries.hasNext()) {
                var entry = entries.next();
                map.put(entry.getKey(), value(member, entry.getValue(), path + "." + entry.getKey()));
            }
            return map;
        }
        throw new Violation(path + " has a type (" + type + ") the stand-ins do not model");
    }

    /** Timestamps as Step Functions passes them: ISO-8601 text or epoch seconds. */
    private static Instant instant(JsonNode json, String path) throws Violation {
        if (json.isNumber()) {
            return Instant.ofEpochMilli(Math.round(json.doubleValue() * 1000));
        }
        try {
            return Instant.parse(json.asText());
        } catch (DateTimeParseException e) {
            throw new Violation(path + " must be a timestamp (ISO-8601 or epoch seconds), not " + json);
        }
    }

    /** The shape a nested builder builds, for its required members. */
    private static Class<?> built(SdkPojo builder) {
        var name = builder.getClass().getName();
        var shape = name.endsWith("$BuilderImpl") ? name.substring(0, name.length() - "$BuilderImpl".length()) : name;
        try {
            return Class.forName(shape, false, builder.getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no shape for builder " + name, e);
        }
    }

    /** A response (or structure) as Step Functions hands it to the state: members by their API names. */
    public static ObjectNode write(SdkPojo pojo) {
        var node = JSON.createObjectNode();
        for (var field : pojo.sdkFields()) {
            var value = field.getValueOrDefault(pojo);
            if (value != null && !isAbsentCollection(value)) {
                node.set(name(field), toJson(value));
            }
        }
        return node;
    }

    /** The SDK marks a list or map the service did not send as auto-constructed; the JSON then has no member. */
    private static boolean isAbsentCollection(Object value) {
        return value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
                || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>;
    }

    private static JsonNode toJson(Object value) {
        if (value instanceof SdkPojo pojo) {
            return write(pojo);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.createArrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            var object = JSON.createObjectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof Instant instant) {
            // UNVERIFIED: the text form of timestamps in aws-sdk task results; ISO-8601 is assumed.
            return JSON.getNodeFactory().textNode(instant.toString());
        }
        if (value instanceof SdkBytes bytes) {
            return JSON.getNodeFactory().textNode(Base64.getEncoder().encodeToString(bytes.asByteArray()));
        }
        if (value instanceof BigDecimal decimal) {
            return JSON.getNodeFactory().numberNode(decimal);
        }
        return JSON.valueToTree(value);
    }

    /** A member's name in Step Functions: the API's, first letter capitalised. */
    static String name(SdkField<?> field) {
        var member = field.memberName();
        return Character.toUpperCase(member.charAt(0)) + member.substring(1);
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
