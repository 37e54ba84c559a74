package com.paymentmigration.lambda.validator.changes;

import com.paymentmigration.lambda.validator.ChangeTrackingException;
import com.paymentmigration.lambda.validator.database.Side;
import com.paymentmigration.lambda.validator.database.Sides;

import java.util.function.Consumer;

/**
 * The change-tracking slots: one logical slot of the same name on each side (replication-ops creates and drops them),
 * {@code test_decoding}, never consumed. A slot's {@code confirmed_flush_lsn} stays where it was created until someone
 * consumes it, so the position a full run recorded at its start, found again later, proves that the slot read then
 * is the slot that existed before that run began.
 */
public final class ChangeSlots {

    /** The plugin whose text output {@link DecodedChange} reads. */
    static final String PLUGIN = "test_decoding";

    /** Where each side's slot starts ({@code pg_lsn} text). */
    public record Positions(String slotName, String source, String target) {
    }

    private ChangeSlots() {
    }

    public static Positions positions(Sides sides, String slotName) {
        var found = sides.both(side -> position(side, slotName));
        return new Positions(slotName, found.source(), found.target());
    }

    private static String position(Side side, String slotName) {
        String[] slot = side.query("SELECT plugin, confirmed_flush_lsn::text FROM pg_replication_slots "
                        + "WHERE slot_name = ? AND slot_type = 'logical' AND database = current_database()",
                s -> s.setString(1, slotName), rows -> rows.next() ? new String[] {rows.getString(1), rows.getString(2)} : null);
        if (slot == null) {
            throw new ChangeTrackingException("the " + side.label() + " database has no logical slot " + slotName
                    + "; create the change slots (replication-ops createChangeSlots) before the full validation that "
                    + "the freeze-time check builds on");
        }
        if (!PLUGIN.equals(slot[0])) {
            throw new ChangeTrackingException("slot " + slotName + " in the " + side.label() + " database decodes with "
                    + slot[0] + ", not " + PLUGIN + "; drop it and create the change slots again");
        }
        return slot[1];
    }

    /**
     * Every row change decoded since the slot's start, one {@code test_decoding} line each, without consuming the
     * slot (a peek can be repeated: a retried invocation sees the same changes). Table rewrites are included: a
     * rewrite can change values (ALTER COLUMN TYPE ... USING), and it shows as every row inserted again.
     */
    public static void peek(Side side, String slotName, Consumer<String> line) {
        side.stream("SELECT data FROM pg_logical_slot_peek_changes(?, NULL, NULL, 'include-xids', '0', "
                        + "'skip-empty-xacts', '1', 'include-rewrites', '1') WHERE data LIKE 'table %'",
                s -> s.setString(1, slotName), rows -> {
                    line.accept(rows.getString(1));
                    return null;
                });
    }
}
