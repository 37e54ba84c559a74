package com.paymentmigration.core;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.function.UnaryOperator;

/**
 * Base of every domain component: children are parented on the component and name their region's provider
 * explicitly, so that a resource can never fall back to an untagged default provider.
 */
public abstract class MigrationComponent extends ComponentResource {

    protected final StackContext stack;
    private final Region home;

    /** A top-level component of the stack, at home in the primary region. */
    protected MigrationComponent(String type, String name, StackContext stack) {
        this(type, name, stack, Region.PRIMARY, null);
    }

    /** A component nested in {@code parent}, at home in {@code home}. */
    protected MigrationComponent(String type, String name, StackContext stack, Region home, Resource parent) {
        super(type, name, ComponentResourceOptions.builder().provider(home.provider(stack)).parent(parent).build());
        this.stack = stack;
        this.home = home;
    }

    /** Options for a child in the component's own region. */
    protected CustomResourceOptions home() {
        return in(home, UnaryOperator.identity());
    }

    protected CustomResourceOptions home(UnaryOperator<CustomResourceOptions.Builder> more) {
        return in(home, more);
    }

    /** Options for a child in the primary region. */
    protected CustomResourceOptions primary() {
        return in(Region.PRIMARY, UnaryOperator.identity());
    }

    protected CustomResourceOptions primary(UnaryOperator<CustomResourceOptions.Builder> more) {
        return in(Region.PRIMARY, more);
    }

    /** Options for a child in the secondary region. */
    protected CustomResourceOptions secondary() {
        return in(Region.SECONDARY, UnaryOperator.identity());
    }

    protected CustomResourceOptions secondary(UnaryOperator<CustomResourceOptions.Builder> more) {
        return in(Region.SECONDARY, more);
    }

    /** Options for a child in {@code region}. */
    protected CustomResourceOptions in(Region region, UnaryOperator<CustomResourceOptions.Builder> more) {
        return more.apply(CustomResourceOptions.builder().parent(this).provider(region.provider(stack))).build();
    }
}
