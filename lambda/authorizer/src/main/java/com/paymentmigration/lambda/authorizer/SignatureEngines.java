package com.paymentmigration.lambda.authorizer;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Where RS256 and ES256 signature engines come from: the JDK's providers until Amazon Corretto Crypto Provider
 * (ACCP, AWS-LC in native code) has loaded, passed its self-tests and given {@link KnownAnswers}, ACCP from then on.
 * On this project's benchmark machine a cache miss for an RS256 token costs about half the CPU with ACCP (the JDK
 * 17 RSA check is nine tenths of it) and for an ES256 token about a twentieth (JDK 17's ECDSA is pure Java).
 *
 * <p>Loading ACCP unpacks a 9.6 MB native library into the temporary directory and runs its self-tests: about
 * 180 ms of CPU, more than half of a cold start's budget. So it never runs on a request's path. A container
 * initialised ahead of its requests (SnapStart, provisioned concurrency: {@code AWS_LAMBDA_INITIALIZATION_TYPE})
 * loads it during initialisation, which no request waits for and SnapStart keeps in its snapshot; an on-demand
 * container answers its first request with the JDK's providers and loads ACCP on a background thread afterwards.
 *
 * <p>The two providers implement the same standards (PKCS #1 v1.5 for RS256, ECDSA over P-256 in IEEE P1363 form
 * for ES256), so the switch changes how fast a check is, never its verdict ({@code SignatureEnginesTest} holds both
 * to the same verdicts; where their engines would differ, on malformed keys and signatures, {@link KeySet} and
 * {@link VerificationKey} decide before either engine is asked). A load that fails (another architecture, no
 * writable temporary directory, a failed self-test or known answer) is logged once and leaves the JDK's providers in
 * use: verification never depends on ACCP.
 */
final class SignatureEngines {

    /** Lambda's variable saying how a container was initialised ({@code on-demand}, {@code snap-start}, ...). */
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    /** ACCP once it is usable; null while the JDK's providers serve. */
    private static volatile Provider preferred;
    private static final AtomicBoolean LOAD_STARTED = new AtomicBoolean();

    private SignatureEngines() {
    }

    /** A new engine for {@code algorithm} from {@code provider} ({@link #preferred()} read once), null: the JDK's. */
    static Signature signature(Provider provider, String algorithm) throws NoSuchAlgorithmException {
        return provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
    }

    /** The provider engines come from now, null for the JDK's: an engine made under another one is replaced. */
    static Provider preferred() {
        return preferred;
    }

    /** Whether this container was initialised before any request could reach it, so loading now delays nobody. */
    static boolean initialisedAheadOfRequests(String initializationType) {
        return "snap-start".equals(initializationType) || "provisioned-concurrency".equals(initializationType);
    }

    /** Loads ACCP on this thread, at most once per process; true when it is in use afterwards. */
    static boolean loadNow(PrintStream log) {
        return LOAD_STARTED.compareAndSet(false, true) ? load(SignatureEngines::accp, log) : preferred != null;
    }

    /**
     * Loads ACCP on a daemon thread, at most once per process (every later call does nothing). The thread competes
     * with requests for the CPU while it runs (Linux ignores Java thread priorities unless told otherwise).
     */
    static void loadInBackground(PrintStream log) {
        if (LOAD_STARTED.compareAndSet(false, true)) {
            var loader = new Thread(() -> load(SignatureEngines::accp, log), "signature-engines-loader");
            loader.setDaemon(true);
            loader.start();
        }
    }

    /**
     * Makes the provider {@code loader} gives the preferred one if it is healthy; otherwise logs why and keeps the
     * JDK's. Package-private so a test can load a provider that fails.
     */
    static boolean load(Supplier<Provider> loader, PrintStream log) {
        long start = System.nanoTime();
        try {
            var provider = loader.get();
            // The engines the authorizer asks for must exist and give the right answers before any token meets them.
            KnownAnswers.check(provider);
            preferred = provider;
            var fields = new LinkedHashMap<String, Object>();
            fields.put("level", "INFO");
            fields.put("message", "signature checks now use " + provider.getName());
            fields.put("loadMillis", (System.nanoTime() - start) / 1_000_000);
            log.println(LogLine.of(fields));
            return true;
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            // LinkageError: a native library that cannot link throws UnsatisfiedLinkError, not an Exception.
            log.println(LogLine.error("native signature provider unavailable; the JDK's keeps serving",
                    e instanceof ExceptionInInitializerError init && init.getCause() != null ? init.getCause() : e));
            return false;
        }
    }

    /** Package-private for tests: back to the JDK's providers, as a fresh process starts. */
    static void useJdk() {
        preferred = null;
        LOAD_STARTED.set(false);
    }

    private static Provider accp() {
        var provider = AmazonCorrettoCryptoProvider.INSTANCE;
        provider.assertHealthy();
        return provider;
    }
}
