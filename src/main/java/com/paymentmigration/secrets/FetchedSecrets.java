package com.paymentmigration.secrets;

import com.paymentmigration.core.StackContext;
import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every existing credential the stack uses: fetched by name, never created, and every one of them rotated.
 *
 * @param service the payment service's own credentials, when the stack runs the service
 */
public record FetchedSecrets(DatabaseSecrets database, Optional<ExistingSecret> service) {

    public static FetchedSecrets fetch(StackContext stack) {
        var config = stack.config();
        var database = new DatabaseSecrets(ExistingSecret.fetch(stack, config.onPrem().dbSecretName()),
                ExistingSecret.fetch(stack, config.aurora().masterSecretName()));
        return new FetchedSecrets(database, config.service().enabled()
                ? Optional.of(ExistingSecret.fetch(stack, config.service().dbSecretName())) : Optional.empty());
    }

    /** The rotated secrets by the label their rotation is named after, in a fixed order. */
    public Map<String, ExistingSecret> rotated() {
        var rotated = new LinkedHashMap<String, ExistingSecret>();
        rotated.put("source", database.onPrem());
        rotated.put("aurora-master", database.auroraMaster());
        service.ifPresent(secret -> rotated.put("service-db", secret));
        return rotated;
    }

    public Output<List<String>> rotatedArns() {
        return Output.all(rotated().values().stream().map(ExistingSecret::arn).toList());
    }

    /** Customer keys of the rotated secrets, empty for the AWS-managed key. */
    public Output<List<String>> rotatedKeyArns() {
        return Output.all(rotated().values().stream().map(ExistingSecret::kmsKeyArn).toList());
    }
}
