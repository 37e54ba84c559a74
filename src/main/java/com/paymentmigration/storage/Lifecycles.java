package com.paymentmigration.storage;

import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;

import java.util.List;

/** Lifecycle rules per kind of bucket; the numbers are the retention policy in one place. */
public final class Lifecycles {

    /** Overwritten checkpoints stay a year: long enough for an audit of the migration window. */
    static final int NONCURRENT_DAYS = 365;
    /** Transaction logs are read during the migration, rarely after: cheaper storage after a month, then archive. */
    static final int INFREQUENT_ACCESS_AFTER_DAYS = 30;
    static final int ARCHIVE_AFTER_DAYS = 90;
    static final int ACCESS_LOG_DAYS = 365;
    static final int ABORT_UPLOADS_AFTER_DAYS = 7;

    private Lifecycles() {
    }

    /** Checkpoints and rollback states: current versions are kept, old versions expire. */
    public static List<BucketLifecycleConfigurationV2RuleArgs> versionedState() {
        return List.of(expireNoncurrent(NONCURRENT_DAYS).build());
    }

    public static List<BucketLifecycleConfigurationV2RuleArgs> transactionLogs() {
        return List.of(expireNoncurrent(NONCURRENT_DAYS)
                .transitions(
                        BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                                .days(INFREQUENT_ACCESS_AFTER_DAYS).storageClass("STANDARD_IA").build(),
                        BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                                .days(ARCHIVE_AFTER_DAYS).storageClass("GLACIER_IR").build())
                .build());
    }

    public static List<BucketLifecycleConfigurationV2RuleArgs> accessLogs() {
        return List.of(expireNoncurrent(30)
                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(ACCESS_LOG_DAYS).build())
                .build());
    }

    private static BucketLifecycleConfigurationV2RuleArgs.Builder expireNoncurrent(int days) {
        return BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("retention")
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                        .noncurrentDays(days).build())
                .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs
                        .builder().daysAfterInitiation(ABORT_UPLOADS_AFTER_DAYS).build());
    }
}
