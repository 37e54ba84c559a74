package com.paymentmigration.lambda.validator;

/** The two sides disagree on a table's shape (columns or primary key), so a data comparison would be meaningless. */
public final class SchemaMismatchException extends ValidatorException {
    public SchemaMismatchException(String message) {
        super(message);
    }
}
