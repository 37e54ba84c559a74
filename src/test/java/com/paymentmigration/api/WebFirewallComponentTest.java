package com.paymentmigration.api;

import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.stack.ComponentFixture;
import org.junit.jupiter.api.Test;

import static com.paymentmigration.stack.ComponentFixture.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The web ACL built alone: it protects the stage it is given. */
class WebFirewallComponentTest {

    @Test
    void theAclIsAssociatedWithTheGivenStage() {
        var stage = "arn:aws:apigateway:eu-central-1::/restapis/given/stages/v1";
        var run = ComponentFixture.run(stack -> new WebFirewall("waf", stack, new EncryptionKeys("keys", stack), given(stage)));

        assertThat(run.one("aws:wafv2/webAclAssociation:WebAclAssociation", "waf-stage").stringInput("resourceArn"))
                .isEqualTo(stage);
    }
}
