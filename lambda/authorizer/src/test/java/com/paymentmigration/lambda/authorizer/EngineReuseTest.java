package com.paymentmigration.lambda.authorizer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key reuses one JCA engine per thread (see {@link VerificationKey}). What reuse could get wrong: a rejected token
 * (bad signature, a signature of the wrong length that makes the engine throw, a truncated one) leaving state that
 * changes the next verdict, or two threads sharing an engine. Each algorithm, through the whole authorizer, with the
 * JDK's providers and with ACCP's signature engines (HS256 is the JDK's under either).
 */
class EngineReuseTest {

    private static final TestTokens TOKENS = new TestTokens(Instant.now());

    private static String token(String algorithm, String subject) {
        return switch (algorithm) {
            case "RS256" -> TOKENS.rs256(c -> c.subject(subject));
            case "ES256" -> TOKENS.es256(c -> c.subject(subject));
            default -> TOKENS.hs256(c -> c.subject(subject));
        };
    }

    /** The token with its signature segment replaced. */
    private static String withSignature(String token, String signature) {
        return token.substring(0, token.lastIndexOf('.') + 1) + signature;
    }

    @AfterEach
    void backToTheJdk() {
        SignatureEngines.useJdk();
    }

    @ParameterizedTest
    @CsvSource({"RS256,JDK", "ES256,JDK", "HS256,JDK", "RS256,ACCP", "ES256,ACCP"})
    void aRejectedTokenOfAnyKindLeavesTheNextVerdictUnchanged(String algorithm, String provider) {
        SignatureEnginesTest.use(provider);
        var fixture = new AuthorizerFixture(TOKENS.keySet());
        var genuine = token(algorithm, "user-1");
        var other = token(algorithm, "user-2");
        var signature = genuine.substring(genuine.lastIndexOf('.') + 1);
        var otherSignature = other.substring(other.lastIndexOf('.') + 1);
        List<String> rejected = List.of(
                withSignature(genuine, otherSignature),            // a valid signature, over other content
                withSignature(genuine, signature.substring(0, 8)), // far too short: RSA and ECDSA engines throw
                withSignature(genuine, signature + "AAAA"),        // too long
                withSignature(genuine, "A".repeat(signature.length() - 1) + "A"));
        fixture.allowed(genuine);
        int next = 3;
        for (var bad : rejected) {
            // The same authorizer, keys and thread throughout; each genuine token is new, so its signature is checked.
            assertThat(fixture.denyReason(bad)).as(bad).containsAnyOf("bad signature", "signature check failed");
            fixture.allowed(token(algorithm, "user-" + next++));
        }
    }

    @ParameterizedTest
    @CsvSource({"RS256,JDK", "ES256,JDK", "HS256,JDK", "RS256,ACCP", "ES256,ACCP"})
    void threadsVerifyingAtOnceEachGetTheirOwnVerdict(String algorithm, String provider) throws Exception {
        SignatureEnginesTest.use(provider);
        var fixture = new AuthorizerFixture(TOKENS.keySet());
        var genuine = new ArrayList<String>();
        var forged = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            var token = token(algorithm, "user-" + i);
            genuine.add(token);
            var donor = token(algorithm, "donor-" + i);
            forged.add(withSignature(token, donor.substring(donor.lastIndexOf('.') + 1)));
        }
        var pool = Executors.newFixedThreadPool(4);
        try {
            var verdicts = new ArrayList<Future<Boolean>>();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < genuine.size(); i++) {
                    var good = genuine.get(i);
                    var bad = forged.get(i);
                    Callable<Boolean> both = () -> fixture.decide(good) instanceof Decision.Allow
                            && fixture.decide(bad) instanceof Decision.Deny;
                    verdicts.add(pool.submit(both));
                }
            }
            for (var verdict : verdicts) {
                assertThat(verdict.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
