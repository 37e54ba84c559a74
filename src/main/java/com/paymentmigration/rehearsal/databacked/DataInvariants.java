package com.paymentmigration.rehearsal.databacked;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.orchestration.Targets;
import com.paymentmigration.rehearsal.data.Ledger;
import com.paymentmigration.rehearsal.data.PaymentWriter;
import com.paymentmigration.rehearsal.scenarios.Invariant;
import com.paymentmigration.rehearsal.scenarios.Timeline;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What must hold of the data after a rehearsal, measured in the databases and by the writer. */
public final class DataInvariants {

    private DataInvariants() {
    }

    /**
     * What a data rehearsal measured once it settled.
     *
     * @param endWriter        the database active-writer names at the end
     * @param audit            the ledger's audit of that database
     * @param validations      each validation the migration aggregated, by its state, with its answer
     * @param freezes          write freezes in the timeline (write-freeze on, then off)
     * @param stats            what the writer saw, its felt freezes included
     * @param settled          a validation of the two databases once the writer stopped and the direction still
     *                         running drained, when one runs (the reverse after a cutover); empty otherwise
     */
    public record Measured(String endWriter, Ledger.Audit audit, List<Validation> validations, int freezes,
                           PaymentWriter.Stats stats, Optional<JsonNode> settled) {
    }

    /** One validation's aggregate: the state that ran it and its answer. */
    public record Validation(String state, JsonNode result) {

        public String status() {
            return result.path("status").asText();
        }
    }

    /** One data invariant. */
    public record Check(String description, Function<Measured, Optional<String>> violation) {

        Invariant.Check check(Measured measured) {
            var problem = violation.apply(measured);
            return new Invariant.Check(description, problem.isEmpty(), problem.orElse(""));
        }
    }

    static Measured measure(DataRehearsal rehearsal) throws SQLException {
        var r = rehearsal.rehearsal();
        var validations = new ArrayList<Validation>();
        for (var call : r.aws().calls()) {
            if (call.succeeded() && call.operation().equals("lambda:invoke")
                    && call.arguments().path("Payload").path("action").asText().equals("aggregate")) {
                validations.add(new Validation(call.state(), call.result().path("Payload")));
            }
        }
        int freezes = (int) new Timeline(r).writes(Targets.WRITE_FREEZE).stream()
                .filter(write -> write.value().equals("on")).count();
        var writer = r.aws().parameters.value(r.aws().parameters.nameOf(Targets.ACTIVE_WRITER)).orElseThrow();
        var reverse = r.aws().dms.task(r.stack().output("reverseTaskArn"));
        var settled = reverse.status(r.end()).equals("running")
                ? Optional.of(rehearsal.validateNow("settled")) : Optional.<JsonNode>empty();
        return new Measured(writer, rehearsal.audit(rehearsal.endWriter()), List.copyOf(validations), freezes,
                rehearsal.stats(), settled);
    }

    /** Zero lost, zero duplicated, zero stale: every acknowledged payment and event, once, as last written. */
    public static Check nothingLostDuplicatedOrStale() {
        return new Check("every payment acknowledged to the writer is in the end writer exactly once, in its latest "
                + "state (0 lost, 0 duplicated, 0 stale)", m -> {
                    var audit = m.audit();
                    if (audit.payments() == 0) {
                        return Optional.of("the writer had no payment acknowledged: nothing was rehearsed");
                    }
                    if (m.stats().pending() > 0) {
                        return Optional.of(m.stats().pending() + " writes were never acknowledged at the end (last "
                                + "failure: " + m.stats().lastFailure() + ")");
                    }
                    return audit.clean() ? Optional.empty() : Optional.of(m.endWriter() + ": " + audit.lost() + " lost, "
                            + audit.duplicated() + " duplicated, " + audit.stale() + " stale, e.g. " + audit.examples());
                });
    }

    /** The validation inside the cutover's freeze: {@code expected} (MATCH to cut over, MISMATCH to stop it). */
    public static Check finalValidation(String expected) {
        return new Check("the final validation (inside the freeze) found " + expected, m -> {
            var finals = m.validations().stream().filter(v -> v.state().toLowerCase().contains("final")).toList();
            if (finals.isEmpty()) {
                return Optional.of("no final validation ran; validations: " + m.validations());
            }
            var last = finals.get(finals.size() - 1);
            return last.status().equals(expected) ? Optional.empty() : Optional.of("it found " + last.result());
        });
    }

    /** Once the writer stopped and the reverse task drained, the two databases hold the same rows. */
    public static Check settledPairMatches() {
        return new Check("once the writer stopped and the reverse task drained, the validator finds MATCH", m -> {
            if (m.settled().isEmpty()) {
                return Optional.of("the reverse task was not running at the end; nothing to compare");
            }
            var result = m.settled().get();
            return result.path("status").asText().equals("MATCH") ? Optional.empty() : Optional.of("it found " + result);
        });
    }

    /** Every freeze in the timeline was felt by the writer (writes refused, then acknowledged again) and measured. */
    public static Check freezeMeasured() {
        return new Check("each write freeze refused writes and was measured (from the first refusal to the first "
                + "write after it)", m -> {
                    var felt = m.stats().freezes();
                    if (m.freezes() == 0) {
                        return Optional.of("the timeline has no freeze");
                    }
                    return felt.size() == m.freezes() && felt.stream().noneMatch(Duration::isZero) ? Optional.empty()
                            : Optional.of(m.freezes() + " freezes in the timeline, the writer felt " + felt);
                });
    }

    /** Writes went to Aurora after the cutover (so a rollback had payments to carry back). */
    public static Check auroraTookWrites() {
        return new Check("payments were written to Aurora after the cutover", m -> m.stats().acknowledgedByAurora() > 0
                ? Optional.empty() : Optional.of("the writer never wrote to Aurora"));
    }

    /** The end writer is {@code database}. */
    public static Check endWriter(String database) {
        return new Check("the writer ends on " + database, m -> m.endWriter().equals(database) ? Optional.empty()
                : Optional.of("it ends on " + m.endWriter()));
    }
}
