package com.paymentmigration.api;

import com.paymentmigration.functions.AuthorizerFunction;
import com.paymentmigration.functions.Functions;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.network.VpcRole;
import com.paymentmigration.parameters.Parameters;
import com.paymentmigration.secrets.DatabaseSecrets;
import com.paymentmigration.secrets.FetchedSecrets;
import com.paymentmigration.stack.ComponentFixture;
import com.paymentmigration.stack.StackFixture;
import com.paymentmigration.storage.Storage;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static com.paymentmigration.stack.ComponentFixture.given;
import static com.paymentmigration.stack.ComponentFixture.secret;
import static org.assertj.core.api.Assertions.assertThat;

/** The API built with its authorizer but without the payment service: Lambda lets the API invoke the live alias only. */
class ApiComponentTest {

    @Test
    void theApiInvokesTheGivenAuthorizersLiveAlias() {
        var run = ComponentFixture.run(stack -> {
            var keys = new EncryptionKeys("keys", stack);
            var migration = ComponentFixture.network(stack, VpcRole.MIGRATION, keys);
            var functions = new Functions("functions", stack, keys, migration, new FetchedSecrets(
                    new DatabaseSecrets(secret("onprem", ""), secret("aurora", "")), Optional.empty()),
                    new Storage.Bucket(given("checkpoints"), given("arn:aws:s3:::checkpoints")));
            new Api("api", stack, keys, migration, functions.authorizer, new Parameters("parameters", stack, keys),
                    Optional.empty());
        }, StackFixture.WITHOUT_SERVICE);
        var permission = run.one("aws:lambda/permission:Permission", "api-authorizer-invoke");

        assertThat(permission.stringInput("function")).isEqualTo("migration-authorizer-dev");
        assertThat(permission.stringInput("qualifier")).isEqualTo(AuthorizerFunction.LIVE_ALIAS);
        assertThat(run.one("aws:apigateway/authorizer:Authorizer", "api-authorizer").stringInput("authorizerUri"))
                .isNotBlank();
        assertThat(run.one("aws:ssm/parameter:Parameter", "api-rest-api-id").stringInput("name"))
                .isEqualTo("/migration/dev/api/rest-api-id");
    }
}
