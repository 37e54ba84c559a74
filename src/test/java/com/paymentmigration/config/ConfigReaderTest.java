package com.paymentmigration.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigReaderTest {

    @Test
    void appliesDefaultsToAMinimalConfig() {
        var config = ConfigReader.read(ConfigSource.of(ValidConfig.map()));
        assertThat(config.mode()).isEqualTo(Mode.FORWARD);
        assertThat(config.regions()).isEqualTo(new MigrationConfig.Regions("eu-central-1", "eu-central-2"));
        assertThat(config.networks().availabilityZoneCount()).isEqualTo(3);
        assertThat(config.networks().productionVpc()).hasToString("10.10.0.0/16");
        assertThat(config.onPrem().dbPort()).isEqualTo(5432);
        assertThat(config.aurora().parameterGroupFamily()).isEqualTo("aurora-postgresql16");
        assertThat(config.trafficSteps()).extracting(MigrationConfig.TrafficStep::percent).containsExactly(10, 25, 50, 100);
        assertThat(config.trafficSteps()).extracting(MigrationConfig.TrafficStep::bakeMinutes).containsExactly(15, 15, 30, 30);
        assertThat(config.dms().tables().included()).containsExactly(new MigrationConfig.TablePattern("public", "%"));
        assertThat(config.logRetentionDays()).isEqualTo(365);
    }

    @Test
    void readsEveryTypedValue() {
        var map = ValidConfig.map();
        map.put("migration:mode", "rollback");
        map.put("migration:trafficSteps", "[20,100]");
        map.put("migration:trafficBakeMinutes", "[7]");
        map.put("migration:extraTags", "[\"Owner=payments\",\"Tier=1\"]");
        map.put("migration:natPerAz", "true");
        map.put("migration:onPremBgpAsn", "4200000000");
        var config = ConfigReader.read(ConfigSource.of(map));
        assertThat(config.mode()).isEqualTo(Mode.ROLLBACK);
        assertThat(config.trafficSteps()).containsExactly(new MigrationConfig.TrafficStep(20, 7),
                new MigrationConfig.TrafficStep(100, 7));
        assertThat(config.labels().extraTags()).containsEntry("Owner", "payments").containsEntry("Tier", "1");
        assertThat(config.networks().natPerAz()).isTrue();
        assertThat(config.onPrem().bgpAsn()).isEqualTo(4_200_000_000L);
    }

    @Test
    void aSuffixAsLongAsTheNamesLeaveRoomForIsAccepted() {
        var longest = "abcdefghij-klmno";
        assertThat(longest).hasSize(ConfigKey.MAX_SUFFIX_LENGTH);
        assertThat(ConfigReader.read(ConfigSource.of(ValidConfig.with("environmentSuffix", longest))).environmentSuffix())
                .isEqualTo(longest);
    }

    /** One rule per row: the key, a bad value (empty means "unset"), the key the problem must name, and its message. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "mode                 | sideways                    | migration:mode                 | pulumi config set migration:mode forward",
            "environmentSuffix    |                             | migration:environmentSuffix    | is required; set it with: pulumi config set migration:environmentSuffix",
            "environmentSuffix    | Dev                         | migration:environmentSuffix    | lowercase letters",
            "environmentSuffix    | dev_1                       | migration:environmentSuffix    | lowercase letters",
            "environmentSuffix    | dev--1                      | migration:environmentSuffix    | single hyphens",
            "environmentSuffix    | dev-                        | migration:environmentSuffix    | not ending with a hyphen",
            "environmentSuffix    | 1dev                        | migration:environmentSuffix    | starting with a letter",
            "environmentSuffix    | abcdefghijklmnopq           | migration:environmentSuffix    | 1-16",
            "costCenter           |                             | migration:costCenter           | is required",
            "primaryRegion        | europe-1                    | migration:primaryRegion        | AWS region code",
            "secondaryRegion      | eu-central-1                | migration:secondaryRegion      | must differ from migration:primaryRegion",
            "productionVpcCidr    | 10.10.0.1/16                | migration:productionVpcCidr    | did you mean 10.10.0.0/16?",
            "productionVpcCidr    | 10.0.0.0/12                 | migration:productionVpcCidr    | /16 to /22",
            "productionVpcCidr    | 10.10.0.0/23                | migration:productionVpcCidr    | /16 to /22",
            "productionVpcCidr    | 100.64.0.0/16               | migration:productionVpcCidr    | private (RFC 1918)",
            "migrationVpcCidr     | 10.10.128.0/17              | migration:migrationVpcCidr     | overlaps migration:productionVpcCidr",
            "onPremCidrs          | [\"10.30.0.0/20\"]          | migration:onPremCidrs[0]       | overlaps migration:secondaryVpcCidr",
            "onPremCidrs          | [\"172.16.0.0/16\",\"172.16.4.0/24\"] | migration:onPremCidrs[1] | overlaps migration:onPremCidrs[0]",
            "onPremCidrs          | []                          | migration:onPremCidrs          | at least one on-prem network",
            "onPremCidrs          | 172.16.0.0/16               | migration:onPremCidrs          | must be a list",
            "onPremCidrs          | [\"172.16.0/16\"]           | migration:onPremCidrs[0]       | is not an IPv4 CIDR block",
            "availabilityZoneCount| 7                           | migration:availabilityZoneCount| between 2 and 6",
            "availabilityZoneCount| three                       | migration:availabilityZoneCount| whole number",
            "natPerAz             | yes                         | migration:natPerAz             | true or false",
            "onPremVpnPeerIp      | 10.1.1.1                    | migration:onPremVpnPeerIp      | public address",
            "onPremVpnPeerIp      | 300.1.1.1                   | migration:onPremVpnPeerIp      | IPv4 address",
            "onPremBgpAsn         | 0                           | migration:onPremBgpAsn         | between 1 and 4294967294",
            "sourceDbPort         | 70000                       | migration:sourceDbPort         | between 1 and 65535",
            "sourceDbHost         | pg host                     | migration:sourceDbHost         | DNS name",
            "sourceDbName         | 1payments                   | migration:sourceDbName         | PostgreSQL identifier",
            "sourceDbSecretName   | bad secret!                 | migration:sourceDbSecretName   | Secrets Manager name",
            "auroraEngineVersion  | 16                          | migration:auroraEngineVersion  | major.minor",
            "auroraEngineVersion  | 11.9                        | migration:auroraEngineVersion  | out of standard support",
            "auroraInstanceClass  | r6g.large                   | migration:auroraInstanceClass  | db.r6g.large",
            "auroraInstanceClass  | db.t4g.medium               | migration:auroraInstanceClass  | memory-optimised",
            "auroraInstanceClass  | db.r4.large                 | migration:auroraInstanceClass  | db.r5 or newer",
            "secretRotationDays   | 0                           | migration:secretRotationDays   | between 1 and 365",
            "secretRotationWindowStartHour | 22                 | migration:secretRotationWindowStartHour | between 0 and 21",
            "secretRotationWindowStartHour | 19                 | migration:secretRotationWindowStartHour | windows would close at 25:00",
            "secretRotationWindowHours | 9                      | migration:secretRotationWindowHours | between 1 and 8",
            "rotationCaCertificates | not a pem                 | migration:rotationCaCertificates | is not a PEM certificate",
            "auroraReaderCount    | 16                          | migration:auroraReaderCount    | between 0 and 15",
            "auroraBackupRetentionDays | 6                      | migration:auroraBackupRetentionDays | between 7 and 35",
            "auroraSecondaryInstanceCount | 1                   | migration:auroraSecondaryInstanceCount | puts the secondary cluster in one availability zone; set 2 or more, or accept losing the cluster with its zone: migration:auroraAcceptSingleAz=true",
            "auroraReaderCount    | 0                           | migration:auroraReaderCount    | leaves the primary cluster's writer alone in one availability zone",
            "auroraAcceptSingleAz | yes                         | migration:auroraAcceptSingleAz | true or false",
            "auroraMonitoringIntervalSeconds | 0                | migration:auroraMonitoringIntervalSeconds | Enhanced Monitoring accepts only [1, 5, 10, 15, 30, 60] (seconds)",
            "dmsInstanceClass     | r6i.large                   | migration:dmsInstanceClass     | dms.r6i.large",
            "dmsEngineVersion     | 3.5                         | migration:dmsEngineVersion     | major.minor.patch",
            "dmsEngineVersion     | 3.5.2                       | migration:dmsEngineVersion     | PostgreSQL 16 (migration:auroraEngineVersion) needs DMS 3.5.3 or later",
            "sourceDbCaCertificate| not a pem                   | migration:sourceDbCaCertificate| is not a PEM certificate",
            "auroraCaCertificate  | -----BEGIN CERTIFICATE-----xyz-----END CERTIFICATE----- | migration:auroraCaCertificate | is not a PEM certificate",
            "legacyBackendUrl     | http://payments.dc1:8080    | migration:legacyBackendUrl     | use https://host[:port]",
            "legacyBackendUrl     | https://payments.dc1/api    | migration:legacyBackendUrl     | no path or query",
            "legacyBackendIps     | [\"10.20.0.5\"]           | migration:legacyBackendIps[0]  | is outside [172.16.0.0/16]",
            "legacyBackendIps     | []                          | migration:legacyBackendIps     | at least one IPv4 address",
            "newBackendIps        | [\"10.20.0.300\"]         | migration:newBackendIps[0]     | is not an IPv4 address",
            "apiStageName         | v-1                         | migration:apiStageName         | letters, digits and _",
            "wafRateLimit         | 9                           | migration:wafRateLimit         | between 10 and 2000000000",
            "wafBlockedAlarmThreshold | 0                       | migration:wafBlockedAlarmThreshold | between 1 and 1000000000",
            "apiDomainName        | api.example.com             | migration:apiCertificateArn    | is required with migration:apiDomainName",
            "apiCertificateArn    | arn:aws:acm:x               | migration:apiCertificateArn    | ACM certificate ARN",
            "authorizerCacheSeconds | 3601                      | migration:authorizerCacheSeconds | between 0 and 3600",
            "authorizerKeySetMaxAgeSeconds | 29                 | migration:authorizerKeySetMaxAgeSeconds | between 30 and 3600",
            "authorizerScopeRoutes | [\"payments:read\"]      | migration:authorizerScopeRoutes[0] | scope=METHOD/path",
            "authorizerScopeRoutes | [\"payments:read=GET/payments/{id}\"] | migration:authorizerScopeRoutes[0] | a path segment is *",
            "authorizerScopeRoutes | [\"payments:read=GET/pay*\"] | migration:authorizerScopeRoutes[0] | a path segment is *",
            "authorizerScopeRoutes | [\"payments:read=GET/a//b\"] | migration:authorizerScopeRoutes[0] | a path segment is *",
            "secretsExtensionLayerArn | arn:aws:lambda:layer    | migration:secretsExtensionLayerArn | x86_64 layer's version ARN",
            "secretsExtensionLayerArn | arn:aws:lambda:eu-central-1:187925254637:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:4 | migration:secretsExtensionLayerArn | not an -Arm64 layer",
            "authorizerIssuer     |                             | migration:authorizerIssuer     | is required",
            "replicatedTables     | []                          | migration:replicatedTables     | at least one table",
            "replicatedTables     | [\"payments\"]              | migration:replicatedTables[0]  | schema.table",
            "replicatedTables     | [\"pay-ments.x\"]           | migration:replicatedTables[0]  | PostgreSQL identifiers",
            "replicatedTables     | [\"a.b\",\"a.b\"]           | migration:replicatedTables[1]  | listed twice",
            "excludedTables       | [\"public.%\"]              | migration:excludedTables       | is also in migration:replicatedTables",
            "trafficSteps         | [10,25,50]                  | migration:trafficSteps         | last step must be 100",
            "trafficSteps         | [50,25,100]                 | migration:trafficSteps         | strictly increasing",
            "trafficSteps         | [0,100]                     | migration:trafficSteps[0]      | must be between 1 and 100",
            "trafficSteps         | [10,150]                    | migration:trafficSteps[1]      | must be between 1 and 100",
            "trafficBakeMinutes   | [15,1441]                   | migration:trafficBakeMinutes[1] | must be between 0 and 1440",
            "trafficSteps         | []                          | migration:trafficSteps         | at least one step",
            "trafficSteps         | [\"ten\",100]               | migration:trafficSteps         | whole number",
            "trafficBakeMinutes   | [5,5]                       | migration:trafficBakeMinutes   | one bake time per traffic step (4)",
            "api5xxRatePercent    | 101                         | migration:api5xxRatePercent    | between 0 and 100",
            "api5xxRatePercent    | -1                          | migration:api5xxRatePercent    | between 0 and 100",
            "alertEmails          | []                          | migration:alertEmails          | list at least one, e.g.",
            "alertEmails          | [\"ops-at-example.com\"]    | migration:alertEmails[0]       | not an e-mail address",
            "alertEmails          |                             | migration:alertEmails          | is required",
            "extraTags            | [\"Owner\"]                 | migration:extraTags[0]         | Key=Value",
            "extraTags            | [\"aws:owner=x\"]           | migration:extraTags[0]         | may not start with aws:",
            "logRetentionDays     | 100                         | migration:logRetentionDays     | CloudWatch Logs accepts only",
            "environmentSufix     | dev                         | migration:environmentSufix     | did you mean migration:environmentSuffix?",
            "zzzUnrelated         | 1                           | migration:zzzUnrelated         | is not a key this program reads; remove it",
    })
    void rejectsBadValuesNamingTheKeyAndTheFix(String key, String value, String problemKey, String message) {
        assertRejected(ValidConfig.with(key, value), key, value, problemKey, message);
    }

    @Test
    void aSingleZoneClusterIsAcceptedOnlyWhenTheStackSaysSo() {
        var config = ValidConfig.with(ValidConfig.with("auroraReaderCount", "0"), "auroraSecondaryInstanceCount", "1");
        assertThat(catchThrowableOfType(InvalidConfigException.class, () -> ConfigReader.read(ConfigSource.of(config))))
                .as("both clusters in one zone each, not accepted").isNotNull()
                .satisfies(e -> assertThat(e.problems()).hasSize(2));
        var aurora = ConfigReader.read(ConfigSource.of(ValidConfig.with(config, "auroraAcceptSingleAz", "true"))).aurora();
        assertThat(aurora.acceptSingleAz()).isTrue();
        assertThat(aurora.secondaryInstanceCount()).isEqualTo(1);
        var defaults = ConfigReader.read(ConfigSource.of(ValidConfig.map())).aurora();
        assertThat(defaults.secondaryInstanceCount()).as("two zones by default").isEqualTo(2);
        assertThat(defaults.monitoringIntervalSeconds()).isEqualTo(60);
        assertThat(defaults.acceptSingleAz()).isFalse();
    }

    /** {@code config}, which sets {@code key} to {@code value}, fails, naming the key and the fix. */
    private static void assertRejected(java.util.Map<String, String> config, String key, String value, String problemKey,
                                       String message) {
        var error = catchThrowableOfType(InvalidConfigException.class, () -> ConfigReader.read(ConfigSource.of(config)));
        assertThat(error).as("config with %s=%s must be rejected", key, value).isNotNull();
        assertThat(error.problems()).anySatisfy(problem -> {
            assertThat(problem.key()).isEqualTo(problemKey);
            assertThat(problem.message()).contains(message);
        });
        assertThat(error.getMessage()).contains(problemKey);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        var map = ValidConfig.with("mode", "sideways");
        map.put("migration:migrationVpcCidr", "10.10.0.0/16");
        map.remove("migration:costCenter");
        var error = catchThrowableOfType(InvalidConfigException.class, () -> ConfigReader.read(ConfigSource.of(map)));
        assertThat(error.problems()).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("migration:mode", "migration:migrationVpcCidr", "migration:costCenter",
                        "migration:newBackendIps[0]");
    }

    @Test
    void aMalformedListIsReportedOnce() {
        var error = catchThrowableOfType(InvalidConfigException.class,
                () -> ConfigReader.read(ConfigSource.of(ValidConfig.with("replicatedTables", "payments.%"))));
        assertThat(error.problems()).extracting(ConfigProblem::key).containsExactly("migration:replicatedTables");
    }

    @Test
    void aPulumiRunCannotListKeysSoUnknownKeysAreNotChecked() {
        var map = ValidConfig.with("typo", "1");
        ConfigSource withoutKeyListing = key -> java.util.Optional.ofNullable(map.get("migration:" + key));
        assertThat(ConfigReader.read(withoutKeyListing).environmentSuffix()).isEqualTo("test");
    }

    @Test
    void problemsPrintKeyValueAndFix() {
        assertThat(new ConfigProblem("migration:mode", "sideways", "use forward").toString())
                .isEqualTo("migration:mode = 'sideways': use forward");
        assertThat(new ConfigProblem("migration:costCenter", null, "is required").toString())
                .isEqualTo("migration:costCenter: is required");
        assertThatThrownBy(() -> ConfigReader.read(ConfigSource.of(ValidConfig.with("mode", "x"))))
                .hasMessageStartingWith("1 config problem(s):");
        assertThat(List.of(ConfigKey.values())).allSatisfy(k -> assertThat(k.description).isNotBlank());
    }

    @Test
    void aCaCertificateIsKeptAsPemAndTheDmsVersionFollowsTheAuroraMajor() throws Exception {
        var pem = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/certs/test-ca.pem"));
        var map = ValidConfig.with("sourceDbCaCertificate", pem);
        map.put("migration:auroraEngineVersion", "17.4");
        map.put("migration:dmsEngineVersion", "3.6.1");
        var dms = ConfigReader.read(ConfigSource.of(map)).dms();
        assertThat(dms.sourceCaCertificate()).startsWith("-----BEGIN CERTIFICATE-----").endsWith("-----END CERTIFICATE-----\n");
        assertThat(dms.auroraCaCertificate()).isEmpty();
        assertThat(dms.engineVersion()).isEqualTo("3.6.1");

        map.put("migration:dmsEngineVersion", "3.5.4");
        assertThatThrownBy(() -> ConfigReader.read(ConfigSource.of(map))).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("PostgreSQL 17 (migration:auroraEngineVersion) needs DMS 3.6.1 or later");
    }

    @Test
    void theServiceIsOffByDefaultAndTheNewBackendIsThenTheConfiguredAddresses() {
        var config = ConfigReader.read(ConfigSource.of(ValidConfig.map()));
        assertThat(config.service().enabled()).isFalse();
        assertThat(config.dns().enabled()).isFalse();
        assertThat(config.api().next().ips()).containsExactly("10.20.0.10");
    }

    @Test
    void readsTheServiceAndItsWeightedName() {
        var map = ValidConfig.withService();
        map.put("migration:serviceImageRepository", "123456789012.dkr.ecr.eu-central-1.amazonaws.com/team/payments");
        map.put("migration:serviceCpu", "1024");
        map.put("migration:serviceMemoryMb", "3072");
        map.put("migration:dnsDomainName", "Payments.Internal");
        map.put("migration:newBackendUrl", "https://payments.migration.internal:8443");
        var config = ConfigReader.read(ConfigSource.of(map));
        var service = config.service();
        assertThat(service.enabled()).isTrue();
        assertThat(service.createsRepository()).isFalse();
        assertThat(service.cpu()).isEqualTo(1024);
        assertThat(service.memoryMb()).isEqualTo(3072);
        assertThat(service.listenerPort()).as("the TLS listener listens where newBackendUrl says").isEqualTo(8443);
        assertThat(service.minTasks()).isEqualTo(2);
        assertThat(service.maxTasks()).isEqualTo(6);
        assertThat(service.healthCheckPath()).isEqualTo("/health");
        assertThat(config.api().next().ips()).isEmpty();
        assertThat(config.dns().enabled()).isTrue();
        assertThat(config.dns().createsZone()).isTrue();
        assertThat(config.dns().recordName(config.dns().domainName())).isEqualTo("payments.payments.internal");
        var zoneOnly = ConfigReader.read(ConfigSource.of(ValidConfig.with(ValidConfig.withService(), "dnsHostedZoneId",
                "Z0123456789ABC"))).dns();
        assertThat(zoneOnly.enabled()).as("an existing zone alone enables the weighted name").isTrue();
        assertThat(zoneOnly.createsZone()).isFalse();
        assertThat(zoneOnly.recordName("payments.example.internal.")).isEqualTo("payments.payments.example.internal");
    }

    /** Rules of the service and DNS keys, on a config that runs the service. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "newBackendIps        | [\"10.20.0.10\"]          | migration:newBackendIps        | must be empty with migration:serviceEnabled true",
            "serviceImageTag      |                             | migration:serviceImageTag      | is required with migration:serviceEnabled true",
            "serviceImageTag      | v1 beta                     | migration:serviceImageTag      | image tag",
            "serviceCertificateArn |                            | migration:serviceCertificateArn | is required with migration:serviceEnabled true",
            "serviceDbSecretName  |                             | migration:serviceDbSecretName  | is required with migration:serviceEnabled true",
            "serviceImageRepository | docker.io/payments        | migration:serviceImageRepository | ECR repository URI",
            "serviceContainerPort | 80                          | migration:serviceContainerPort | between 1024 and 65535",
            "serviceHealthCheckPath | health                    | migration:serviceHealthCheckPath | absolute path",
            "serviceHealthCheckPath | /health?deep=1            | migration:serviceHealthCheckPath | absolute path",
            "serviceCpu           | 768                         | migration:serviceCpu           | Fargate accepts only [256, 512, 1024, 2048, 4096, 8192, 16384] (CPU units)",
            "serviceMemoryMb      | 8192                        | migration:serviceMemoryMb      | with CPU 512 Fargate takes 1024-4096 MiB in steps of 1024",
            "serviceMinTasks      | 0                           | migration:serviceMinTasks      | between 1 and 100",
            "serviceMaxTasks      | 1                           | migration:serviceMaxTasks      | must be at least migration:serviceMinTasks (2)",
            "serviceCpuTargetPercent | 95                       | migration:serviceCpuTargetPercent | between 10 and 90",
            "serviceHttpListener  | true                        | migration:serviceHttpListener  | plain HTTP is for dev stacks only",
            "dnsHostedZoneId      | zone-1                      | migration:dnsHostedZoneId      | Route 53 hosted zone id",
            "dnsDomainName        | internal                    | migration:dnsDomainName        | domain name",
            "dnsRecordName        | pay.ments                   | migration:dnsRecordName        | one DNS label",
            "trafficShiftBy       | dns                         | migration:trafficShiftBy       | there is no weighted name; set migration:dnsDomainName or use api",
            "trafficShiftBy       | route53                     | migration:trafficShiftBy       | use one of api, dns, api-and-dns",
    })
    void rejectsBadServiceValuesNamingTheKeyAndTheFix(String key, String value, String problemKey, String message) {
        assertRejected(ValidConfig.with(ValidConfig.withService(), key, value), key, value, problemKey, message);
    }

    @Test
    void withoutTheServiceTheNewBackendNeedsAddressesAndDnsNeedsTheService() {
        var noAddresses = catchThrowableOfType(InvalidConfigException.class,
                () -> ConfigReader.read(ConfigSource.of(ValidConfig.with("newBackendIps", "[]"))));
        assertThat(noAddresses.problems()).anySatisfy(p -> assertThat(p.message())
                .contains("or set migration:serviceEnabled true"));
        var dnsAlone = catchThrowableOfType(InvalidConfigException.class,
                () -> ConfigReader.read(ConfigSource.of(ValidConfig.with("dnsDomainName", "payments.internal"))));
        assertThat(dnsAlone.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("migration:dnsDomainName");
            assertThat(p.message()).contains("needs migration:serviceEnabled true");
        });
        var zoneAlone = catchThrowableOfType(InvalidConfigException.class,
                () -> ConfigReader.read(ConfigSource.of(ValidConfig.with("dnsHostedZoneId", "Z0123456789ABC"))));
        assertThat(zoneAlone.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("migration:dnsHostedZoneId");
            assertThat(p.message()).contains("needs migration:serviceEnabled true");
        });
    }

    @Test
    void plainHttpIsAcceptedForDevOnlyAndNotOnTheTlsPort() {
        var dev = ValidConfig.withService();
        dev.put("migration:environment", "dev");
        dev.put("migration:serviceHttpListener", "true");
        assertThat(ConfigReader.read(ConfigSource.of(dev)).service().httpListener()).isTrue();
        dev.put("migration:newBackendUrl", "https://payments.migration.internal:80");
        var clash = catchThrowableOfType(InvalidConfigException.class, () -> ConfigReader.read(ConfigSource.of(dev)));
        assertThat(clash.problems()).anySatisfy(p -> assertThat(p.message()).contains("port 80 is the plain HTTP listener's"));
    }
}
