package com.paymentmigration.config;

/**
 * The VPC sizes the program accepts. AWS allows a VPC from /16 to /28
 * (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html); the subnet plan needs more room than
 * /28, so config validation and the subnet planner both read the bounds from here.
 */
public final class VpcSize {

    /** AWS's largest VPC. */
    public static final int LARGEST = 16;
    /** AWS's smallest subnet. */
    public static final int SMALLEST_SUBNET = 28;
    /** The subnet plan's narrowest slots are 1/64 of the VPC (2^6). */
    public static final int NARROWEST_SLOT_BITS = 6;
    /** The smallest VPC whose narrowest slots are still at least a /28. */
    public static final int SMALLEST = SMALLEST_SUBNET - NARROWEST_SLOT_BITS;

    private VpcSize() {
    }
}
