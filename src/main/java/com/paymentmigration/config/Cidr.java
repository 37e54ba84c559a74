package com.paymentmigration.config;

import java.util.regex.Pattern;

/** An IPv4 network in CIDR notation whose host bits are zero, e.g. {@code 10.20.0.0/16}. */
public record Cidr(long network, int prefixLength) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length must be 0-32, got " + prefixLength);
        }
        if ((network & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException("host bits set in " + format(network) + "/" + prefixLength);
        }
    }

    /** Parses {@code a.b.c.d/n}; the message of the exception says what is wrong and what was probably meant. */
    public static Cidr parse(String text) {
        var m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 CIDR block like 10.20.0.0/16");
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("'" + text + "' has an octet above 255");
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length above 32");
        }
        if ((address & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("'" + text + "' has host bits set; did you mean "
                    + format(address & mask(prefix)) + "/" + prefix + "?");
        }
        return new Cidr(address, prefix);
    }

    public long size() {
        return 1L << (32 - prefixLength);
    }

    public long lastAddress() {
        return network + size() - 1;
    }

    public boolean overlaps(Cidr other) {
        return network <= other.lastAddress() && other.network <= lastAddress();
    }

    public boolean contains(Cidr other) {
        return network <= other.network && other.lastAddress() <= lastAddress();
    }

    /** The {@code index}-th block of length {@code newPrefix} inside this one. */
    public Cidr subnet(int newPrefix, long index) {
        if (newPrefix < prefixLength || newPrefix > 32) {
            throw new IllegalArgumentException("cannot cut /" + newPrefix + " blocks out of " + this);
        }
        long count = 1L << (newPrefix - prefixLength);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(this + " holds " + count + " /" + newPrefix + " blocks, not " + (index + 1));
        }
        return new Cidr(network + index * (1L << (32 - newPrefix)), newPrefix);
    }

    /** True for RFC 1918 private space, which is what VPCs and on-prem networks are expected to use. */
    public boolean isPrivate() {
        return parse("10.0.0.0/8").contains(this) || parse("172.16.0.0/12").contains(this)
                || parse("192.168.0.0/16").contains(this);
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefixLength;
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }
}
