package com.paymentmigration.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.paymentmigration.config.ConfigProblem;
import com.paymentmigration.config.InvalidConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads config the way the Pulumi CLI hands it to a program: {@code Pulumi.<stack>.yaml}'s fully qualified keys,
 * scalars as text and lists or maps as JSON text. Keys without a namespace belong to the project.
 */
public final class StackFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private StackFiles() {
    }

    /** The project name from Pulumi.yaml. */
    public static String projectName(Path projectDir) {
        var project = readYaml(projectDir.resolve("Pulumi.yaml"));
        var name = project.path("name").asText("");
        if (name.isEmpty()) {
            throw new IllegalArgumentException(projectDir.resolve("Pulumi.yaml") + " has no project name");
        }
        return name;
    }

    /** The project config schema from Pulumi.yaml: key to its declaration ({@code type}, {@code default}, ...). */
    public static Map<String, JsonNode> schema(Path projectDir) {
        var declared = new TreeMap<String, JsonNode>();
        readYaml(projectDir.resolve("Pulumi.yaml")).path("config").fields()
                .forEachRemaining(e -> declared.put(e.getKey(), e.getValue()));
        return declared;
    }

    /** The stack's config, fully qualified, with {@code overrides} ({@code key=value}, key qualified or not) on top. */
    public static Map<String, String> config(Path projectDir, String stack, List<String> overrides) {
        var project = projectName(projectDir);
        var file = projectDir.resolve("Pulumi." + stack + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no stack file " + file + "; create it or pick another --stack");
        }
        var config = new LinkedHashMap<String, String>();
        var problems = new java.util.ArrayList<ConfigProblem>();
        readYaml(file).path("config").fields().forEachRemaining(e -> {
            var key = qualify(e.getKey(), project);
            var value = e.getValue();
            if (value.isObject() && value.has("secure")) {
                problems.add(new ConfigProblem(key, "<secure>", "is encrypted and plan cannot decrypt it; this program "
                        + "reads no secret config (credentials come from Secrets Manager), so remove it"));
            } else {
                config.put(key, value.isValueNode() ? value.asText() : value.toString());
            }
        });
        for (var override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                problems.add(new ConfigProblem("--set", override, "write key=value, e.g. --set mode=rollback"));
                continue;
            }
            config.put(qualify(override.substring(0, eq), project), override.substring(eq + 1));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return config;
    }

    private static String qualify(String key, String project) {
        return key.contains(":") ? key : project + ":" + key;
    }

    private static JsonNode readYaml(Path file) {
        try {
            var node = YAML.readTree(file.toFile());
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
