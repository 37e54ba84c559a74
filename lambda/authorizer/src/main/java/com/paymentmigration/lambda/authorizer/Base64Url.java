package com.paymentmigration.lambda.authorizer;

import java.util.Base64;

/**
 * Base64url as JWS (RFC 7515 2) and JWK use it: no padding, and only the canonical spelling of each value. The JDK
 * decoder also accepts padding and non-zero unused bits in the last character, so several strings decode to the same
 * bytes; a token must have exactly one spelling, or a "different" token could share a verified one's signature.
 */
final class Base64Url {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Base64Url() {
    }

    /** The bytes of a canonical base64url string; {@code what} names the part in the rejection. */
    static byte[] decode(String text, String what) throws JwtVerifier.Rejected {
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new JwtVerifier.Rejected(what + " is not base64url");
        }
        // Re-encoding is cheap next to a signature check and catches padding and stray bits alike.
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new JwtVerifier.Rejected(what + " is not canonical base64url (no padding, unused bits zero)");
        }
        return bytes;
    }
}
