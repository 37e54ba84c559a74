package com.paymentmigration.architecture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape of src/main/java: packages that depend one way only, and files a reader can hold in mind. */
class ArchitectureTest {

    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final Path VALIDATOR_SOURCES = Path.of("lambda/validator/src/main/java");
    private static final String VALIDATOR = "com.paymentmigration.lambda.validator";
    static final int MAX_LINES = 400;
    /** Files allowed over the limit, each with the reason; an entry that no longer applies fails the test. */
    static final Map<String, String> OVER_THE_LIMIT = Map.of();

    private final SourcePackages sources = SourcePackages.read(MAIN_SOURCES);

    @Test
    void noPackageCycle() {
        var cycles = sources.cycles();

        assertThat(cycles).as(() -> "package cycles, with the files that make each edge:"
                + cycles.stream().map(sources::describe).reduce("", String::concat)).isEmpty();
    }

    /**
     * lambda/validator's parts (its subpackages) depend one way only. Its error types stay in its root package, since
     * a Lambda error is named by its exception's class and the state machines match those names; every part may
     * throw them, so they count as a node of their own, and the root package's other classes (the entry points and
     * the steps, which use every part) may not be used by any part.
     */
    @Test
    void theValidatorsPartsDependOneWay() {
        var validator = SourcePackages.read(VALIDATOR_SOURCES, (pkg, type) ->
                pkg.equals(VALIDATOR) && type.endsWith("Exception") ? VALIDATOR + " (error types)" : pkg);
        var cycles = validator.cycles();

        assertThat(validator.lineCounts()).as("the validator's sources are read").isNotEmpty();
        assertThat(cycles).as(() -> "package cycles in lambda/validator, with the files that make each edge:"
                + cycles.stream().map(validator::describe).reduce("", String::concat)).isEmpty();
    }

    @Test
    void noMainSourceFileIsOverTheLineLimitWithoutAReason() {
        sources.lineCounts().forEach((file, lines) -> {
            if (!OVER_THE_LIMIT.containsKey(slashes(file))) {
                assertThat(lines).as("%s has %d lines; split it (limit %d)", file, lines, MAX_LINES)
                        .isLessThanOrEqualTo(MAX_LINES);
            }
        });
    }

    @Test
    void everyAllowListEntryIsAFileStillOverTheLimit() {
        var counts = sources.lineCounts();
        OVER_THE_LIMIT.forEach((file, reason) -> {
            assertThat(reason).isNotBlank();
            assertThat(counts).as("allow-listed %s exists", file).containsKey(Path.of(file));
            assertThat(counts.get(Path.of(file))).as("%s is back under the limit; drop it from the allow-list", file)
                    .isGreaterThan(MAX_LINES);
        });
    }

    @Test
    void findsACycleThroughImportsAndQualifiedNames(@TempDir Path root) throws IOException {
        write(root, "a/A.java", "package com.paymentmigration.a;\nimport com.paymentmigration.b.B;\nclass A {}\n");
        write(root, "b/B.java", "package com.paymentmigration.b;\nclass B { Object c = new com.paymentmigration.c.C(); }\n");
        write(root, "c/C.java", "package com.paymentmigration.c;\nimport static com.paymentmigration.a.A.X;\nclass C {}\n");
        write(root, "d/D.java", "package com.paymentmigration.d;\nimport com.paymentmigration.a.*;\nclass D {}\n");

        var read = SourcePackages.read(root);

        assertThat(read.cycles()).containsExactly(Set.of("com.paymentmigration.a", "com.paymentmigration.b",
                "com.paymentmigration.c"));
        assertThat(read.describe(read.cycles().get(0))).contains("com.paymentmigration.b -> com.paymentmigration.c in [b/B.java]");
    }

    @Test
    void namesInCommentsAndStringsAreNoDependency(@TempDir Path root) throws IOException {
        write(root, "a/A.java", """
                package com.paymentmigration.a;
                /** Calls {@link com.paymentmigration.b.B}. */
                class A {
                    // com.paymentmigration.b.B
                    String handler = "com.paymentmigration.b.B::handle";
                    String block = \"""
                            com.paymentmigration.b.B
                            \""";
                    char quote = '"';
                }
                """);
        write(root, "b/B.java", "package com.paymentmigration.b;\nimport com.paymentmigration.a.A;\nclass B {}\n");

        assertThat(SourcePackages.read(root).cycles()).isEmpty();
    }

    @Test
    void classesCountedAsANodeOfTheirOwnCutOnlyTheirOwnEdges(@TempDir Path root) throws IOException {
        write(root, "v/Entry.java",
                "package com.paymentmigration.v;\nimport com.paymentmigration.v.part.Part;\nclass Entry {}\n");
        write(root, "v/BadException.java", "package com.paymentmigration.v;\nclass BadException {}\n");
        write(root, "v/part/Part.java",
                "package com.paymentmigration.v.part;\nimport com.paymentmigration.v.BadException;\nclass Part {}\n");
        BinaryOperator<String> errors = (pkg, type) -> type.endsWith("Exception") ? pkg + " (error types)" : pkg;

        assertThat(SourcePackages.read(root).cycles()).hasSize(1);
        assertThat(SourcePackages.read(root, errors).cycles()).isEmpty();

        write(root, "v/part/Other.java",
                "package com.paymentmigration.v.part;\nimport com.paymentmigration.v.Entry;\nclass Other {}\n");

        assertThat(SourcePackages.read(root, errors).cycles()).containsExactly(Set.of("com.paymentmigration.v",
                "com.paymentmigration.v.part"));
    }

    private static void write(Path root, String file, String text) throws IOException {
        Files.createDirectories(root.resolve(file).getParent());
        Files.writeString(root.resolve(file), text);
    }

    private static String slashes(Path file) {
        return file.toString().replace('\\', '/');
    }
}
