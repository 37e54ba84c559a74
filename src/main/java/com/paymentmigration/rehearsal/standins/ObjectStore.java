package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** S3 PutObject into the stack's buckets; {@code Body} is the integration's text body (outside the SDK model). */
public final class ObjectStore implements StandIn {

    private final Set<String> buckets;
    private final Map<String, String> objects = new LinkedHashMap<>();

    ObjectStore(PlannedStack stack) {
        this.buckets = Set.copyOf(stack.ofType("aws:s3/bucketV2:BucketV2").stream().map(stack::physicalName).toList());
    }

    @Override
    public String errorPrefix() {
        return "S3";
    }

    /** {@code bucket/key} to body, in write order. */
    public Map<String, String> objects() {
        return Map.copyOf(objects);
    }

    @Override
    public JsonNode call(String operation, Call call) throws TaskFailure {
        var request = call.request(PutObjectRequest.class, "Body");
        var body = call.arguments().get("Body");
        if (body != null && !body.isTextual()) {
            throw call.error("ValidationException", "Body must be a string; give $string(...) for JSON");
        }
        call.authorize("s3:PutObject", "arn:aws:s3:::" + request.bucket() + "/" + request.key());
        if (!buckets.contains(request.bucket())) {
            throw call.error("NoSuchBucket", "The specified bucket does not exist");
        }
        objects.put(request.bucket() + "/" + request.key(), body == null ? "" : body.asText());
        return SdkShapes.write(PutObjectResponse.builder().eTag("\"" + Integer.toHexString(objects.size()) + "\"")
                .serverSideEncryption("aws:kms").versionId("v" + objects.size()).build());
    }
}
