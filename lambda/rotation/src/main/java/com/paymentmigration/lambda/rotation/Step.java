package com.paymentmigration.lambda.rotation;

/** The four steps Secrets Manager calls, in order, with the same client request token. */
public enum Step {
    CREATE("createSecret"), SET("setSecret"), TEST("testSecret"), FINISH("finishSecret");

    public final String eventName;

    Step(String eventName) {
        this.eventName = eventName;
    }

    static Step of(String eventName) {
        for (var step : values()) {
            if (step.eventName.equals(eventName)) {
                return step;
            }
        }
        throw new RotationException("unknown rotation step '" + eventName + "'; expected createSecret, setSecret, "
                + "testSecret or finishSecret");
    }
}
