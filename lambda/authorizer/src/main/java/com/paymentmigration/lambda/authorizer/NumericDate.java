package com.paymentmigration.lambda.authorizer;

import java.util.Map;

/**
 * RFC 7519's NumericDate as this authorizer accepts it: a whole number of seconds from 0 to the end of year 9999.
 * A fraction, a value past 64 bits (which {@code Number.longValue()} would wrap into the past or the future) or any
 * other type refuses the token; no comparison below can overflow.
 */
final class NumericDate {

    /** 9999-12-31T23:59:59Z. */
    static final long MAX = 253_402_300_799L;

    private NumericDate() {
    }

    /** The claim's value, or null when the claim is absent. */
    static Long of(Map<String, Object> claims, String name) throws JwtVerifier.Rejected {
        if (!claims.containsKey(name)) {
            return null;
        }
        var value = claims.get(name);
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new JwtVerifier.Rejected(name + " is not a whole number of seconds within 64 bits");
        }
        long seconds = ((Number) value).longValue();
        if (seconds < 0 || seconds > MAX) {
            throw new JwtVerifier.Rejected(name + " is outside 1970 to 9999");
        }
        return seconds;
    }
}
