package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksRequest;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskRequest;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdkShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRequestIsReadByTheApiMemberNames() throws Exception {
        var request = SdkShapes.read(PutParameterRequest.class, JSON.readTree(
                "{\"Name\":\"/a\",\"Value\":\"v\",\"Type\":\"String\",\"Overwrite\":true}"), Set.of());
        assertThat(request.name()).isEqualTo("/a");
        assertThat(request.overwrite()).isTrue();
    }

    @Test
    void anUnknownMemberIsRejectedNamingTheKnownOnes() {
        assertThatThrownBy(() -> SdkShapes.read(PutParameterRequest.class, JSON.readTree(
                "{\"Name\":\"/a\",\"Value\":\"v\",\"Overwrites\":true}"), Set.of()))
                .hasMessageContaining("'Overwrites'").hasMessageContaining("Overwrite");
        // Camel case is the SDK's, not the API's: Step Functions takes PascalCase.
        assertThatThrownBy(() -> SdkShapes.read(PutParameterRequest.class, JSON.readTree("{\"name\":\"/a\",\"Value\":\"v\"}"),
                Set.of())).hasMessageContaining("'name'");
    }

    @Test
    void aMissingRequiredMemberIsRejectedAsTheServiceDoes() {
        assertThatThrownBy(() -> SdkShapes.read(PutParameterRequest.class, JSON.readTree("{\"Name\":\"/a\"}"), Set.of()))
                .hasMessageContaining("Value null at 'value'");
        // Nested shapes have required members too: a DMS filter needs its Values.
        assertThatThrownBy(() -> SdkShapes.read(DescribeReplicationTasksRequest.class, JSON.readTree(
                "{\"Filters\":[{\"Name\":\"replication-task-arn\"}]}"), Set.of())).hasMessageContaining("Filters[0].Values");
    }

    @Test
    void valuesOfTheWrongTypeOrOutsideTheEnumAreRejected() {
        assertThatThrownBy(() -> SdkShapes.read(PutParameterRequest.class, JSON.readTree(
                "{\"Name\":\"/a\",\"Value\":5}"), Set.of())).hasMessageContaining("Value must be a string");
        assertThatThrownBy(() -> SdkShapes.read(StartReplicationTaskRequest.class, JSON.readTree(
                "{\"ReplicationTaskArn\":\"a\",\"StartReplicationTaskType\":\"resume\"}"), Set.of()))
                .hasMessageContaining("enum value set").hasMessageContaining("resume-processing");
        assertThatThrownBy(() -> SdkShapes.read(ChangeResourceRecordSetsRequest.class, JSON.readTree(
                "{\"HostedZoneId\":\"Z\",\"ChangeBatch\":{\"Changes\":[{\"Action\":\"UPSERT\",\"ResourceRecordSet\":"
                        + "{\"Name\":\"a\",\"Type\":\"A\",\"Weight\":\"10\"}}]}}"), Set.of()))
                .hasMessageContaining("Weight must be a whole number");
    }

    @Test
    void camelCaseApisAreNamedInPascalCase() throws Exception {
        var request = SdkShapes.read(software.amazon.awssdk.services.apigateway.model.UpdateStageRequest.class,
                JSON.readTree("{\"RestApiId\":\"a\",\"StageName\":\"v1\",\"PatchOperations\":[{\"Op\":\"replace\","
                        + "\"Path\":\"/canarySettings/percentTraffic\",\"Value\":\"10\"}]}"), Set.of());
        assertThat(request.restApiId()).isEqualTo("a");
        assertThat(request.patchOperations().get(0).value()).isEqualTo("10");
        assertThatThrownBy(() -> SdkShapes.read(software.amazon.awssdk.services.apigateway.model.GetStageRequest.class,
                JSON.readTree("{\"restApiId\":\"a\",\"StageName\":\"v1\"}"), Set.of())).hasMessageContaining("'restApiId'");
    }

    @Test
    void aResponseIsWrittenByTheApiMemberNamesLeavingOutWhatIsAbsent() {
        var json = SdkShapes.write(GetParameterResponse.builder().parameter(Parameter.builder().name("/a").value("v")
                .version(3L).build()).build());
        assertThat(json.toString()).isEqualTo("{\"Parameter\":{\"Name\":\"/a\",\"Value\":\"v\",\"Version\":3}}");
    }

    @Test
    void everyRequiredMemberInTheTableIsAMemberOfItsShape() throws Exception {
        for (var entry : RequiredMembers.table().entrySet()) {
            var shape = Class.forName(entry.getKey());
            var pojo = (SdkPojo) shape.getMethod("builder").invoke(null);
            var members = pojo.sdkFields().stream().map(SdkShapes::name).toList();
            assertThat(members).as(entry.getKey()).containsAll(entry.getValue());
        }
    }
}
