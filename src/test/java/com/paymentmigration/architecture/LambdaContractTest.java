package com.paymentmigration.architecture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names the program hands to the functions in {@code lambda/} exist there and are used there: each function's
 * handler, each environment variable it sets, and each error class a state machine must not retry (Lambda reports
 * an unhandled exception by its class name, so a renamed class would silently turn a permanent failure into
 * retries). The names are taken from what the dev stack registers, not from the program's constants, so a name
 * spelled anywhere in the program is covered.
 */
class LambdaContractTest {

    private static final String FUNCTION = "aws:lambda/function:Function";
    private static final String STATE_MACHINE = "aws:sfn/stateMachine:StateMachine";
    private static final String LAMBDA_PACKAGE = "com.paymentmigration.lambda.";
    private static StackRun dev;

    @BeforeAll
    static void runDevStack() {
        dev = StackFixture.dev();
    }

    @Test
    void everyHandlerIsAMethodOfAClassInItsFunctionsSources() {
        assertThat(functions()).hasSizeGreaterThanOrEqualTo(4);
        for (var function : functions()) {
            var handler = function.stringInput("handler");
            assertThat(handler).as("%s's handler", function.name()).matches("[\\w.$]+::\\w+");
            var className = handler.substring(0, handler.indexOf("::"));
            var method = handler.substring(handler.indexOf("::") + 2);
            var file = sources(function).resolve(className.replace('.', '/') + ".java");

            assertThat(file).as("%s's handler class", function.name()).isRegularFile();
            var code = JavaText.withoutCommentsAndLiterals(read(file));
            assertThat(code).as("%s declares %s", file, method)
                    .containsPattern("\\b(?:public\\s+)?[\\w<>\\[\\], ]+\\s" + Pattern.quote(method) + "\\s*\\(");
        }
    }

    @Test
    void everyEnvironmentVariableAFunctionGetsIsReadByItsCode() {
        var checked = new TreeSet<String>();
        for (var function : functions()) {
            var variables = function.inputs().get("environment") instanceof Map<?, ?> environment
                    && environment.get("variables") instanceof Map<?, ?> map ? map.keySet() : java.util.Set.of();
            var code = javaFiles(sources(function)).map(LambdaContractTest::read).map(JavaText::withoutComments)
                    .reduce("", String::concat);
            for (var variable : variables) {
                // Named as a string, or as the constant of an enum of the variables (read with name()).
                assertThat(code).as("%s sets %s; its code in %s never names it", function.name(), variable,
                        sources(function)).containsPattern("\"" + variable + "\"|\\b" + variable + "\\b");
                checked.add(function.name() + ":" + variable);
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void everyErrorAStateMachineNeverRetriesIsAnExceptionTheFunctionsThrow() {
        var permanent = new TreeMap<String, String>();
        for (var machine : dev.ofType(STATE_MACHINE)) {
            neverRetried(tree(machine.stringInput("definition")), machine.name(), permanent);
        }
        var classes = permanent.keySet().stream().filter(e -> e.startsWith(LAMBDA_PACKAGE)).toList();
        assertThat(permanent.keySet()).as("errors never retried that are neither AWS's States.* nor a function's class")
                .allMatch(e -> e.startsWith("States.") || e.startsWith(LAMBDA_PACKAGE));
        assertThat(classes).isNotEmpty();

        for (var className : classes) {
            var simpleName = className.substring(className.lastIndexOf('.') + 1);
            var root = moduleDeclaring(className);
            var file = root.resolve(className.replace('.', '/') + ".java");
            assertThat(file).as("%s never retries %s", permanent.get(className), className).isRegularFile();
            assertThat(JavaText.withoutCommentsAndLiterals(read(file)))
                    .as("%s is an exception", className)
                    .containsPattern("class\\s+" + simpleName + "\\s+extends\\s+\\w*(Exception|Error)\\b");
            var thrown = javaFiles(root).map(LambdaContractTest::read).map(JavaText::withoutCommentsAndLiterals)
                    .anyMatch(code -> code.matches("(?s).*\\bnew\\s+" + simpleName + "\\s*\\(.*"));
            assertThat(thrown).as("%s is never thrown in %s", className, root).isTrue();
        }
    }

    /** Every ErrorEquals of a Retry with MaxAttempts 0, anywhere in the definition (Map item processors too). */
    private static void neverRetried(JsonNode node, String machine, Map<String, String> found) {
        if (node.has("Retry")) {
            for (var retry : node.path("Retry")) {
                if (retry.path("MaxAttempts").asInt(-1) == 0) {
                    retry.path("ErrorEquals").forEach(e -> found.put(e.asText(), machine));
                }
            }
        }
        node.forEach(child -> neverRetried(child, machine, found));
    }

    /** The sources of the lambda/ module that declares {@code className} (module and package names differ). */
    private static Path moduleDeclaring(String className) {
        try (Stream<Path> modules = Files.list(Path.of("lambda"))) {
            return modules.map(module -> module.resolve("src/main/java"))
                    .filter(root -> Files.isRegularFile(root.resolve(className.replace('.', '/') + ".java")))
                    .findFirst()
                    .orElse(Path.of("lambda", "<no module declares " + className + ">"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RecordedResource> functions() {
        return dev.ofType(FUNCTION);
    }

    /** The function's module in lambda/, from the jar it deploys: lambda/<module>/target/<module>.jar. */
    private static Path sources(RecordedResource function) {
        var code = (Map<?, ?>) function.inputs().get("code");
        var archive = (Map<?, ?>) code.get("archive");
        var jar = Path.of(String.valueOf(archive.get("path")));
        assertThat(jar.getParent().getFileName()).as("%s deploys a jar its module builds", function.name())
                .hasToString("target");
        return jar.getParent().getParent().resolve("src/main/java");
    }

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
