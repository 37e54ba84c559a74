package com.paymentmigration.network;

import com.paymentmigration.config.Cidr;
import com.paymentmigration.config.VpcSize;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Cuts a VPC into subnets per tier and availability zone. Every tier owns a fixed block with a slot per AZ for up
 * to {@link #MAX_AZS} zones, so changing the AZ count adds or removes subnets and never moves an existing one (a
 * moved subnet would be replaced, with everything in it).
 *
 * <pre>
 *   first half            PRIVATE: 8 slots of 1/16 of the VPC
 *   5th eighth            PUBLIC:   8 slots of 1/64
 *   6th eighth            DATABASE: 8 slots of 1/64
 *   7th eighth            DMS:      8 slots of 1/64
 *   8th eighth            TRANSIT:  8 slots of /28
 * </pre>
 */
public final class SubnetPlan {

    public static final int MAX_AZS = 8;

    private final Cidr vpc;
    private final Map<Tier, List<Cidr>> subnets = new EnumMap<>(Tier.class);

    private SubnetPlan(Cidr vpc, int azCount) {
        this.vpc = vpc;
        int p = vpc.prefixLength();
        put(Tier.PRIVATE, vpc.subnet(p + 1, 0), p + 4, azCount);
        int narrowest = p + VpcSize.NARROWEST_SLOT_BITS;
        put(Tier.PUBLIC, vpc.subnet(p + 3, 4), narrowest, azCount);
        put(Tier.DATABASE, vpc.subnet(p + 3, 5), narrowest, azCount);
        put(Tier.DMS, vpc.subnet(p + 3, 6), narrowest, azCount);
        put(Tier.TRANSIT, vpc.subnet(p + 3, 7), VpcSize.SMALLEST_SUBNET, azCount);
    }

    /** Fails with the reason and the fix when the VPC is too small or the AZ count out of range. */
    public static SubnetPlan of(Cidr vpc, int azCount) {
        if (vpc.prefixLength() > VpcSize.SMALLEST) {
            throw new IllegalArgumentException(vpc + " is too small for five subnet tiers in up to " + MAX_AZS
                    + " AZs; use a /" + VpcSize.SMALLEST + " or larger (e.g. /16)");
        }
        if (azCount < 1 || azCount > MAX_AZS) {
            throw new IllegalArgumentException("AZ count " + azCount + " is outside 1-" + MAX_AZS);
        }
        return new SubnetPlan(vpc, azCount);
    }

    private void put(Tier tier, Cidr block, int prefix, int azCount) {
        subnets.put(tier, IntStream.range(0, azCount).mapToObj(az -> block.subnet(prefix, az)).toList());
    }

    public Cidr vpc() {
        return vpc;
    }

    /** The tier's subnets, in AZ order. */
    public List<Cidr> subnets(Tier tier) {
        return subnets.get(tier);
    }
}
