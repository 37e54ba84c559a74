package com.paymentmigration.network;

import com.paymentmigration.config.Cidr;
import com.paymentmigration.config.MigrationConfig;
import com.paymentmigration.core.Region;

/** The stack's three VPCs and what each hosts. */
public enum VpcRole {
    /** Aurora primary and, after the shift, production traffic. */
    PRODUCTION("production", Region.PRIMARY, true),
    /** DMS, the validator and rotation Lambdas, the new payment service. */
    MIGRATION("migration", Region.PRIMARY, true),
    /** Aurora secondary cluster; no internet egress at all. */
    SECONDARY("secondary", Region.SECONDARY, false);

    public final String label;
    public final Region region;
    /** Public subnets, internet gateway, NAT and interface endpoints. */
    public final boolean internetEgress;

    VpcRole(String label, Region region, boolean internetEgress) {
        this.label = label;
        this.region = region;
        this.internetEgress = internetEgress;
    }

    public Cidr cidr(MigrationConfig config) {
        return switch (this) {
            case PRODUCTION -> config.networks().productionVpc();
            case MIGRATION -> config.networks().migrationVpc();
            case SECONDARY -> config.networks().secondaryVpc();
        };
    }
}
