package com.paymentmigration.lambda.authorizer;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Known answers a signature provider must give before the authorizer trusts it with tokens: an RS256 and an ES256
 * signature (made once by the JDK's providers over {@link #MESSAGE}) must verify, and must not verify over a message
 * one bit different. ACCP's own self-tests cover AWS-LC, its random numbers and HMAC, not these two checks; a native
 * library that answered "valid" to everything would otherwise let every forged token in.
 */
final class KnownAnswers {

    static final byte[] MESSAGE =
            "payment-migration: a signature check that must hold".getBytes(StandardCharsets.US_ASCII);
    private static final String RSA_MODULUS =
            "jvYkzAgH3mdWNwam_SbDZ3ZCdnUQ3uDmqzVhX0x3un-z3M8s1HI9yewqstTOTitL9kG99RHF_amNoSxe6kkGhplD_IIbFxUx"
            + "2p6s_Rmoz33w_yY96CDbcI1ysgD_LT9m5klxIvtIpSrANmOdZZ5ilJtvya-uKDZsOiOmT2bydjT3NPZMYvBTqQx_Fdsqo0iY"
            + "T4oDuv5TQ7dqJ7WlCjyjcmAOAlMjza5qATm_-KZWq6uneozqbrmZpKnhNL3Dza__3a4yCmRh9jPwVD2i0xXXTts7dRfm-BQE"
            + "45kyEpRTsZrH4-BrsKBXCRnBkThedMGAXGcdqi8gx4o83c1w26I6GQ";
    private static final String RSA_SIGNATURE =
            "dSTw8HLi7RAwjyAKMO7pMX4U2Nu2v5RTlR7DT0d7onOOnDS98HcmS30EXhXIQ87dQ-ibYuFlFmfauooaftqSj2RiRbUkHqM1"
            + "l2uCO7OF8Fyhpwqvd8jyVez342rWP64cv9k9ygZGp3Y8GFNYU5XLUbfE4f6nYLla4Gx2bMNA8sjYr1ANY4w3TLGw3AdD4eMt"
            + "WVbu_4wiI1sl3WyR4eqUVqEtBnGtvyk7FInmPxmcCMxOfC1X5PWlq4XoB7XInVB-pLjwqBf8D8A4NdiSqsuFSafR3tuq02lO"
            + "hsj4tgK97UxAFHD0W7xVGPKoQ9ZKxJ0d6ua5jAtqLBs7xLoJRmiRIQ";
    private static final String EC_X = "ValuphSHQ2lHIh-ykUmJTxUIE72bXTAW3dj61AhGocw";
    private static final String EC_Y = "IpMG5bjV7WYutSDfRYySBC0EWbQs38O8mnGgISvAPwA";
    private static final String EC_SIGNATURE =
            "e7YUisQSmIdpolAabdZ6LVZtokgWM_WDZxoBo5ELb2csEuXUUd-zJ3lSegMbup47ttD_9sbfU9S1dW-JgEez2A";

    private KnownAnswers() {
    }

    /** Throws, naming the check, unless {@code provider} gives every known answer. */
    static void check(Provider provider) throws GeneralSecurityException {
        var rsa = (PublicKey) new VerificationKey("RS256", number(RSA_MODULUS), BigInteger.valueOf(65537), null).key();
        var ec = (PublicKey) new VerificationKey("ES256", number(EC_X), number(EC_Y), null).key();
        answer(provider, "SHA256withRSA", rsa, bytes(RSA_SIGNATURE));
        answer(provider, "SHA256withECDSAinP1363Format", ec, bytes(EC_SIGNATURE));
    }

    private static void answer(Provider provider, String algorithm, PublicKey key, byte[] signature)
            throws GeneralSecurityException {
        if (!verifies(provider, algorithm, key, MESSAGE, signature)) {
            throw new GeneralSecurityException(provider.getName() + " " + algorithm + " refuses a genuine signature");
        }
        var tampered = MESSAGE.clone();
        tampered[0] ^= 1;
        boolean accepted;
        try {
            accepted = verifies(provider, algorithm, key, tampered, signature);
        } catch (GeneralSecurityException refusedByThrowing) {
            accepted = false;
        }
        if (accepted) {
            throw new GeneralSecurityException(
                    provider.getName() + " " + algorithm + " accepts a signature over another message");
        }
    }

    private static boolean verifies(Provider provider, String algorithm, PublicKey key, byte[] message,
                                    byte[] signature) throws GeneralSecurityException {
        var verifier = Signature.getInstance(algorithm, provider);
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static BigInteger number(String base64Url) {
        return new BigInteger(1, bytes(base64Url));
    }

    private static byte[] bytes(String base64Url) {
        return Base64.getUrlDecoder().decode(base64Url);
    }
}
