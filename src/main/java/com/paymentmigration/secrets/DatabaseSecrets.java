package com.paymentmigration.secrets;

import com.pulumi.core.Output;

import java.util.List;

/** The two databases' credentials that DMS, the validator and replication-ops log in with. */
public record DatabaseSecrets(ExistingSecret onPrem, ExistingSecret auroraMaster) {

    /** Both ARNs, on-prem first: the order the functions read them in (source, then target). */
    public Output<List<String>> arns() {
        return Output.all(onPrem.arn(), auroraMaster.arn());
    }
}
