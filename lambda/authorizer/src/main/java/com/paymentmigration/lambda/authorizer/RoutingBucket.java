package com.paymentmigration.lambda.authorizer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A stable bucket 0-99 per tenant, so a traffic split by percentage keeps each merchant on one backend: the same
 * tenant always lands in the same bucket, in every container and every release.
 */
public final class RoutingBucket {

    private RoutingBucket() {
    }

    public static int of(String tenantId) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(tenantId.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xFF);
            }
            return (int) Long.remainderUnsigned(value, 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
