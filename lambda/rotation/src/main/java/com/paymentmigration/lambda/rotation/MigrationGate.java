package com.paymentmigration.lambda.rotation;

import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

import java.util.Set;

/**
 * Rotation waits while the migration moves the writer: with the write freeze on, or in a phase where the cutover or
 * the rollback is in flight, a password change could strand DMS or the service on the side being switched. The
 * parameters and phases come from the stack, which owns the state machines that write them.
 *
 * @param writeFreezeParameter e.g. {@code /migration/dev/database/write-freeze}: "on" while writes are frozen
 * @param phaseParameter       e.g. {@code /migration/dev/phase}: the state machines' current phase
 * @param blockingPhases       the phases in which no password may change
 */
public record MigrationGate(SsmClient ssm, String writeFreezeParameter, String phaseParameter, Set<String> blockingPhases) {

    /** Throws, naming what is in flight, when rotation must wait; Secrets Manager then retries later. */
    public void requireQuiet(String secretId) {
        var freeze = read(writeFreezeParameter);
        if ("on".equals(freeze)) {
            throw new RotationException("not rotating " + secretId + " now: the migration's write freeze is on ("
                    + writeFreezeParameter + "); nothing was changed and Secrets Manager retries the rotation later");
        }
        var phase = read(phaseParameter);
        if (blockingPhases.contains(phase)) {
            throw new RotationException("not rotating " + secretId + " now: the migration is in phase '" + phase + "' ("
                    + phaseParameter + "), when the database writer may move; nothing was changed and Secrets Manager "
                    + "retries the rotation later");
        }
    }

    private String read(String name) {
        try {
            return ssm.getParameter(b -> b.name(name)).parameter().value();
        } catch (ParameterNotFoundException e) {
            // The stack creates both; without them nobody can tell whether a cutover runs, so rotation must not.
            throw new RotationException("parameter " + name + " does not exist; it is created by the stack (pulumi up) "
                    + "and tells whether a cutover is in flight, so rotation waits for it", e);
        }
    }
}
