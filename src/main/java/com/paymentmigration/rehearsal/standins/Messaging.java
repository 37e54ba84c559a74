package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * SNS through Step Functions' optimised integration ({@code arn:aws:states:::sns:publish}): the request is
 * Publish's, the result {@code {MessageId, SdkHttpMetadata, SdkResponseMetadata}}; only the stack's topics exist.
 */
public final class Messaging implements StandIn {

    public record Message(Instant time, String topicArn, String subject, String body) {
    }

    private final Set<String> topics;
    private final List<Message> published = new ArrayList<>();

    Messaging(PlannedStack stack) {
        this.topics = Set.copyOf(stack.arns("aws:sns/topic:Topic"));
    }

    @Override
    public String errorPrefix() {
        // UNVERIFIED: the optimised SNS integration's error prefix; the SDK integration's naming rule is assumed.
        return "Sns";
    }

    public List<Message> published() {
        return List.copyOf(published);
    }

    @Override
    public JsonNode call(String operation, Call call) throws TaskFailure {
        var request = call.request(PublishRequest.class);
        if (request.topicArn() == null) {
            throw call.error("InvalidParameter", "Invalid parameter: TopicArn or TargetArn Reason: no value for "
                    + "required parameter");
        }
        call.authorize("sns:Publish", request.topicArn());
        if (!topics.contains(request.topicArn())) {
            throw call.error("NotFound", "Topic does not exist");
        }
        if (request.subject() != null && (request.subject().length() > 100 || request.subject().contains("\n"))) {
            throw call.error("InvalidParameter", "Invalid parameter: Subject must be at most 100 printable "
                    + "characters on one line");
        }
        var id = UUID.nameUUIDFromBytes((call.time() + request.message()).getBytes()).toString();
        published.add(new Message(call.time(), request.topicArn(), request.subject(), request.message()));
        var result = SdkShapes.JSON.createObjectNode().put("MessageId", id);
        result.putObject("SdkHttpMetadata").put("HttpStatusCode", 200);
        result.putObject("SdkResponseMetadata").put("RequestId", UUID.nameUUIDFromBytes(id.getBytes()).toString());
        return result;
    }
}
