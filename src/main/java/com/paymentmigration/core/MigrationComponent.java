package com.paymentmigration.core;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.function.UnaryOperator;

/**
 * Base of every domain component: children are parented on the component and name their region's provider
 * explicitly, so that a resource can never fall back to an untagged default provider.
 */
public abstract class MigrationComponent extends ComponentResource {

    protected final StackContext stack;

    protected MigrationComponent(String type, String name, StackContext stack) {
        super(type, name, ComponentResourceOptions.builder().provider(stack.providers().primary()).build());
        this.stack = stack;
    }

    /** Options for a child in the primary region. */
    protected CustomResourceOptions primary() {
        return primary(UnaryOperator.identity());
    }

    protected CustomResourceOptions primary(UnaryOperator<CustomResourceOptions.Builder> more) {
        return more.apply(CustomResourceOptions.builder().parent(this).provider(stack.providers().primary())).build();
    }

    /** Options for a child in the secondary region. */
    protected CustomResourceOptions secondary() {
        return secondary(UnaryOperator.identity());
    }

    protected CustomResourceOptions secondary(UnaryOperator<CustomResourceOptions.Builder> more) {
        return more.apply(CustomResourceOptions.builder().parent(this).provider(stack.providers().secondary())).build();
    }
}
