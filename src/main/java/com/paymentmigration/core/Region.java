package com.paymentmigration.core;

/** Which of the stack's two regions a resource lives in. */
public enum Region {
    PRIMARY, SECONDARY;

    public String code(StackContext stack) {
        return this == PRIMARY ? stack.config().regions().primary() : stack.config().regions().secondary();
    }

    public com.pulumi.aws.Provider provider(StackContext stack) {
        return this == PRIMARY ? stack.providers().primary() : stack.providers().secondary();
    }
}
