package com.paymentmigration.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The task's one container, as the JSON text ECS takes. It runs as a non-root user on a read-only root file
 * system (only /tmp is writable), logs to its encrypted group, and reports its own health so that ECS replaces a
 * task whose process hangs before the load balancer's check notices.
 */
public final class ContainerDefinition {

    public static final String CONTAINER_NAME = "payments";
    /** An unprivileged uid; the image must not need root. */
    static final String USER = "10001";
    static final String SCRATCH_VOLUME = "tmp";
    /** Seconds a JVM gets to start before failed health checks count. */
    static final int HEALTH_START_PERIOD_SECONDS = 60;
    /** Seconds between SIGTERM and SIGKILL: in-flight payments finish (the ALB drains for 30 s). */
    static final int STOP_TIMEOUT_SECONDS = 45;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param environment variables in a fixed order (the JSON text must be identical on every run, or every
     *                    preview shows a new task definition)
     */
    public record Spec(String image, int port, String healthCheckPath, String logGroup, String region,
                       Map<String, String> environment) {
    }

    private ContainerDefinition() {
    }

    public static String json(Spec spec) {
        var container = JSON.createObjectNode();
        container.put("name", CONTAINER_NAME);
        container.put("image", spec.image());
        container.put("essential", true);
        container.put("user", USER);
        container.put("readonlyRootFilesystem", true);
        container.put("stopTimeout", STOP_TIMEOUT_SECONDS);
        container.putObject("linuxParameters").put("initProcessEnabled", true);
        var port = container.putArray("portMappings").addObject();
        port.put("containerPort", spec.port());
        port.put("protocol", "tcp");
        var environment = container.putArray("environment");
        spec.environment().forEach((name, value) -> environment.addObject().put("name", name).put("value", value));
        var mount = container.putArray("mountPoints").addObject();
        mount.put("sourceVolume", SCRATCH_VOLUME);
        mount.put("containerPath", "/tmp");
        mount.put("readOnly", false);
        container.set("healthCheck", healthCheck(spec.port(), spec.healthCheckPath()));
        var logs = container.putObject("logConfiguration");
        logs.put("logDriver", "awslogs");
        var options = logs.putObject("options");
        options.put("awslogs-group", spec.logGroup());
        options.put("awslogs-region", spec.region());
        options.put("awslogs-stream-prefix", CONTAINER_NAME);
        // Non-blocking: a slow log delivery must not stall payment threads writing to stdout.
        options.put("mode", "non-blocking");
        options.put("max-buffer-size", "4m");
        var definitions = JSON.createArrayNode();
        definitions.add(container);
        return definitions.toString();
    }

    /** The container checks itself on the same path as the load balancer; curl must be in the image. */
    static ObjectNode healthCheck(int port, String path) {
        var check = JSON.createObjectNode();
        var command = check.putArray("command");
        command.add("CMD-SHELL");
        command.add("curl -fsS -o /dev/null http://localhost:" + port + path + " || exit 1");
        check.put("interval", 15);
        check.put("timeout", 5);
        check.put("retries", 3);
        check.put("startPeriod", HEALTH_START_PERIOD_SECONDS);
        return check;
    }
}
