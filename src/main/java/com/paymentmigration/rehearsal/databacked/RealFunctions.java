package com.paymentmigration.rehearsal.databacked;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.lambda.replicationops.Database;
import com.paymentmigration.lambda.replicationops.ReplicationOps;
import com.paymentmigration.lambda.validator.Validator;
import com.paymentmigration.lambda.validator.compare.PartitionValidator;
import com.paymentmigration.lambda.validator.compare.Recheck;
import com.paymentmigration.lambda.validator.database.DatabaseAddress;
import com.paymentmigration.lambda.validator.database.Sides;
import com.paymentmigration.lambda.validator.report.EmbeddedMetrics;
import com.paymentmigration.lambda.validator.report.ReportStore;
import com.paymentmigration.rehearsal.data.Endpoint;
import com.paymentmigration.rehearsal.standins.Functions;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The functions' own code, built as their handlers build it but with the rehearsal's connections and stores instead
 * of secrets and S3: the validator compares on-prem (its source) with Aurora (its target); replication-ops reaches
 * each database by the name its events use.
 */
final class RealFunctions {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Lambda invocation's longest run (15 minutes): the validator stops a partition before it and resumes. */
    private static final long INVOCATION_MILLIS = 15 * 60 * 1000;

    private RealFunctions() {
    }

    /** lambda/validator's Validator, as ValidatorHandler builds it, over the two servers. */
    static Functions.Code validator(DataPlane plane) {
        var source = address(plane.onprem());
        var target = address(plane.aurora());
        var validator = new Validator(() -> Sides.open(source, target), new MemoryReports(),
                new EmbeddedMetrics(new PrintStream(OutputStream.nullOutputStream()), "rehearsal"),
                Recheck.Sleeper.REAL, System::currentTimeMillis);
        return payload -> {
            long deadline = System.currentTimeMillis() + INVOCATION_MILLIS;
            PartitionValidator.Deadline remaining = () -> deadline - System.currentTimeMillis();
            return validator.handle(payload, remaining);
        };
    }

    /** lambda/replication-ops' ReplicationOps, as ReplicationOpsHandler builds it, over the two servers. */
    static Functions.Code replicationOps(DataPlane plane) {
        var ops = new ReplicationOps(database -> (database == Database.ONPREM ? plane.onprem() : plane.aurora()).connect(),
                new PrintStream(OutputStream.nullOutputStream()), System::currentTimeMillis);
        return payload -> JSON.valueToTree(ops.handle(payload));
    }

    private static DatabaseAddress address(Endpoint endpoint) {
        return new DatabaseAddress(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
    }

    /** The checkpoint bucket's reports, kept for the rehearsal's length. */
    private static final class MemoryReports implements ReportStore {

        private final Map<String, byte[]> reports = new ConcurrentHashMap<>();

        @Override
        public void write(String key, byte[] json) {
            reports.put(key, json.clone());
        }

        @Override
        public Optional<byte[]> read(String key) {
            return Optional.ofNullable(reports.get(key)).map(byte[]::clone);
        }
    }
}
