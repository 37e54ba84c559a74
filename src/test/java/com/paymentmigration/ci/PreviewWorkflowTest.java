package com.paymentmigration.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The pull-request preview can authenticate, and a user can set up everything it reads from the README alone. */
class PreviewWorkflowTest {

    private static final Path WORKFLOW = Path.of(".github/workflows/preview.yml");
    private static final String SETUP_HEADING = "### The pull-request preview: one-time setup";
    private static final Pattern READS = Pattern.compile("\\$\\{\\{\\s*(secrets|vars)\\.([A-Za-z0-9_]+)\\s*}}");
    private static final Pattern PINNED_AWS_CREDENTIALS =
            Pattern.compile("aws-actions/configure-aws-credentials@[0-9a-f]{40}");

    private final JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());

    PreviewWorkflowTest() throws IOException {
    }

    /**
     * configure-aws-credentials assumes the role with GitHub's OIDC token, which exists only with id-token: write. A
     * job's own permissions block replaces the workflow's, so each job that has one must grant it again.
     */
    @Test
    void everyJobMayRequestTheOidcToken() {
        assertThat(permissions(workflow.path("permissions")))
                .containsEntry("id-token", "write")
                .containsEntry("contents", "read")
                .containsEntry("pull-requests", "write");
        workflow.path("jobs").forEach(job -> {
            if (job.has("permissions")) {
                assertThat(permissions(job.path("permissions"))).containsEntry("id-token", "write");
            }
        });
    }

    @Test
    void awsCredentialsComeFromTheRoleThroughAPinnedAction() {
        var steps = steps().stream().filter(s -> s.path("uses").asText().startsWith("aws-actions/configure-aws-credentials@"))
                .toList();

        assertThat(steps).hasSize(1);
        var step = steps.get(0);
        assertThat(step.path("uses").asText()).matches(PINNED_AWS_CREDENTIALS);
        assertThat(step.path("with").path("role-to-assume").asText()).isNotBlank();
        assertThat(step.path("with").has("aws-access-key-id")).as("no stored keys").isFalse();
        assertThat(step.path("with").has("aws-secret-access-key")).as("no stored keys").isFalse();
    }

    @Test
    void everySecretAndVariableTheWorkflowReadsIsDocumentedInTheReadme() throws IOException {
        var reads = new TreeMap<String, String>();
        var matcher = READS.matcher(Files.readString(WORKFLOW));
        while (matcher.find()) {
            reads.put(matcher.group(2), matcher.group(1).equals("secrets") ? "secret" : "variable");
        }
        var setup = section(Files.readString(Path.of("README.md")), SETUP_HEADING);

        assertThat(reads).containsKeys("AWS_PREVIEW_ROLE_ARN", "PULUMI_ACCESS_TOKEN", "PULUMI_ORG");
        reads.forEach((name, kind) -> assertThat(setup)
                .as("README's preview setup documents %s %s", kind, name)
                .contains("| `" + name + "` | " + kind + " |"));
    }

    private List<JsonNode> steps() {
        var steps = new ArrayList<JsonNode>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(steps::add));
        return steps;
    }

    private static Map<String, String> permissions(JsonNode block) {
        var permissions = new TreeMap<String, String>();
        StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) block::fields).spliterator(), false)
                .forEach(e -> permissions.put(e.getKey(), e.getValue().asText()));
        return permissions;
    }

    /** The text from the heading to the next heading of the same or a higher level. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf(heading);
        assertThat(start).as("README has the section '%s'", heading).isNotNegative();
        var next = Pattern.compile("(?m)^#{1,3} ").matcher(markdown);
        int end = next.find(start + heading.length()) ? next.start() : markdown.length();
        return markdown.substring(start, end);
    }
}
