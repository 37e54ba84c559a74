package com.paymentmigration.lambda.validator.report;

import com.paymentmigration.lambda.validator.ReportStoreException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.util.Optional;

/** Reports in the checkpoint bucket (versioned and encrypted by the stack; a PUT is atomic per object). */
public final class S3ReportStore implements ReportStore {

    private final S3Client s3;
    private final String bucket;

    public S3ReportStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void write(String key, byte[] json) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(json));
        } catch (SdkException e) {
            throw new ReportStoreException("cannot write s3://" + bucket + "/" + key + ": " + e.getMessage()
                    + "; the function's role needs s3:PutObject there and kms:GenerateDataKey on the bucket key", e);
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new ReportStoreException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }
}
