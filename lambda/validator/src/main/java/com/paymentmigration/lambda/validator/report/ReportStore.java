package com.paymentmigration.lambda.validator.report;

import java.util.Optional;

/** Where reports and resumable progress live: the checkpoint bucket in AWS, a directory on the command line. */
public interface ReportStore {

    void write(String key, byte[] json);

    Optional<byte[]> read(String key);
}
