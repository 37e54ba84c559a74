package com.paymentmigration.lambda.authorizer;

import java.math.BigInteger;

/**
 * The curve P-256 (secp256r1) as FIPS 186-4 D.1.2.3 and SEC 2 2.4.2 define it, for two questions the JDK's and
 * AWS-LC's engines answer differently (the JDK with "invalid", AWS-LC with an exception), so the authorizer answers
 * them itself, before either engine: is (x, y) a point on the curve (a key set holding one that is not is refused
 * when it is read), and are a signature's r and s both in [1, n - 1] (FIPS 186-4 6.4.2 step 1: if not, the signature
 * is invalid).
 */
final class P256 {

    private static final BigInteger P =
            new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger A = P.subtract(BigInteger.valueOf(3));
    private static final BigInteger B =
            new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
    /** n, the order of the base point. */
    static final BigInteger ORDER =
            new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

    private P256() {
    }

    /** Whether 0 <= x, y < p and y^2 = x^3 + ax + b (mod p): an affine point of the curve (never the infinity). */
    static boolean contains(BigInteger x, BigInteger y) {
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            return false;
        }
        var left = y.multiply(y).mod(P);
        var right = x.multiply(x).multiply(x).add(A.multiply(x)).add(B).mod(P);
        return left.equals(right);
    }

    /** Whether the P1363 signature (r and s, 32 bytes each) has both in [1, n - 1]. */
    static boolean inRange(byte[] signature) {
        var r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32));
        var s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        return r.signum() > 0 && s.signum() > 0 && r.compareTo(ORDER) < 0 && s.compareTo(ORDER) < 0;
    }
}
