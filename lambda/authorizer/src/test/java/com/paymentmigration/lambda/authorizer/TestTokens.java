package com.paymentmigration.lambda.authorizer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Keys and tokens made by a real JOSE library (nimbus-jose-jwt), never by the code under test. */
final class TestTokens {

    static final String ISSUER = "https://idp.example.com/";
    static final String AUDIENCE = "payments-api";
    static final String METHOD_ARN = "arn:aws:execute-api:eu-central-1:123456789012:abc123/live/POST/payments";
    static final String ROUTES = "payments:read=GET/payments,GET/payments/*;payments:write=POST/payments,POST/refunds";

    final RSAKey rsa;
    final ECKey ec;
    final OctetSequenceKey hmac;

    TestTokens(Instant now) {
        try {
            this.rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            this.ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
            this.hmac = new OctetSequenceKeyGenerator(256).keyID("hs-1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret's JSON: public halves of RSA and EC, the shared HMAC key. */
    String keySet(JWK... extra) {
        var keys = new java.util.ArrayList<JWK>(List.of(rsa.toPublicJWK(), ec.toPublicJWK(), hmac));
        keys.addAll(List.of(extra));
        return new JWKSet(keys).toString(false);
    }

    String rs256(UnaryOperator<JWTClaimsSet.Builder> edit) {
        return sign(JWSAlgorithm.RS256, rsa.getKeyID(), edit, rsaSigner(rsa));
    }

    String es256(UnaryOperator<JWTClaimsSet.Builder> edit) {
        try {
            return sign(JWSAlgorithm.ES256, ec.getKeyID(), edit, new ECDSASigner(ec));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String hs256(UnaryOperator<JWTClaimsSet.Builder> edit) {
        try {
            return sign(JWSAlgorithm.HS256, hmac.getKeyID(), edit, new MACSigner(hmac));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RSASSASigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(JWSAlgorithm algorithm, String kid, UnaryOperator<JWTClaimsSet.Builder> edit,
                       com.nimbusds.jose.JWSSigner signer) {
        return sign(new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT), edit, signer);
    }

    /** A token with a header of the test's making (extra or critical parameters). */
    static String sign(JWSHeader.Builder header, UnaryOperator<JWTClaimsSet.Builder> edit, com.nimbusds.jose.JWSSigner signer) {
        try {
            var jwt = new SignedJWT(header.build(), edit.apply(claimsAt(Instant.now())).build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HS256 token over JSON of the test's own spelling (duplicate members, odd numbers), signed with the test key. */
    String rawHs256(String headerJson, String payloadJson) {
        try {
            var encoder = java.util.Base64.getUrlEncoder().withoutPadding();
            var input = encoder.encodeToString(headerJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                    + encoder.encodeToString(payloadJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(hmac.toByteArray(), "HmacSHA256"));
            return input + "." + encoder.encodeToString(mac.doFinal(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event API Gateway sends a REQUEST authorizer (the fields this authorizer reads). */
    static java.util.Map<String, Object> requestEvent(String authorization, String methodArn) {
        return java.util.Map.of("type", "REQUEST", "methodArn", methodArn,
                "headers", java.util.Map.of("Authorization", authorization),
                "multiValueHeaders", java.util.Map.of("Authorization", List.of(authorization)));
    }

    private static JWTClaimsSet.Builder claimsAt(Instant at) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("client-7")
                .expirationTime(Date.from(at.plusSeconds(300))).notBeforeTime(Date.from(at.minusSeconds(10)))
                .claim("scope", "payments:write").claim("tenant_id", "merchant-42");
    }
}
