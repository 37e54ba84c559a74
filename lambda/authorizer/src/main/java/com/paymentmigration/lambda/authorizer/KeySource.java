package com.paymentmigration.lambda.authorizer;

/** Where the JWK set comes from: Secrets Manager in Lambda, a string in tests. */
@FunctionalInterface
public interface KeySource {

    /** The current JWK set JSON. */
    String fetch() throws Exception;
}
