package com.paymentmigration.network;

/** The subnet tiers of every VPC, each with its own route table and security boundary. */
public enum Tier {
    /** Compute and Lambda: the largest tier. Default route through NAT. */
    PRIVATE("private"),
    /** NAT gateways and load balancers. Default route through the internet gateway. */
    PUBLIC("public"),
    /** Aurora. No default route: nothing in it starts connections to the internet. */
    DATABASE("database"),
    /** DMS replication instances: reach on-prem through the Transit Gateway and AWS APIs through endpoints. */
    DMS("dms"),
    /** Transit Gateway attachment ENIs only; AWS recommends small dedicated subnets. */
    TRANSIT("tgw");

    public final String label;

    Tier(String label) {
        this.label = label;
    }
}
