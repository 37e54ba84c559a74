package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;

/**
 * No {@code pulumi up} starts or stops a DMS task: the state machines keep at most one direction running, in the
 * order that makes that true. The provider acts on {@code startReplicationTask} only when the flag changes and starts
 * without a CDC start position, so a task it started could run beside the other one, or read from the wrong place.
 */
final class ReplicationTasksLeftToStateMachines extends PolicyRule {

    static final String TASK = "aws:dms/replicationTask:ReplicationTask";
    private static final List<String> RUNTIME = List.of("startReplicationTask", "cdcStartPosition", "cdcStartTime");

    ReplicationTasksLeftToStateMachines() {
        super("replication-tasks-left-to-state-machines",
                "DMS tasks are created stopped and their start flag and position are ignored on update.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var task : run.ofType(TASK)) {
            if (!Boolean.FALSE.equals(task.inputs().get("startReplicationTask"))) {
                findings.add(Finding.of(this, task, "startReplicationTask is not false: up would start the task "
                        + "without a start position, possibly beside the other direction"));
            }
            for (var input : RUNTIME) {
                if (!task.options().ignoreChanges().contains(input)) {
                    findings.add(Finding.of(this, task, input + " is not in ignoreChanges: up would reset what the "
                            + "state machines set"));
                }
            }
        }
        return findings;
    }
}
