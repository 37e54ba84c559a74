package com.paymentmigration.rehearsal.data;

/**
 * The two flags every writer of payment data obeys: which database takes writes, and whether writes are frozen.
 * Values as the stack's parameters hold them: {@code database/active-writer} is {@code onprem} or {@code aurora},
 * {@code database/write-freeze} is {@code on} or {@code off}.
 */
public record WriterFlags(String activeWriter, boolean frozen) {

    public static final String ONPREM = "onprem";
    public static final String AURORA = "aurora";

    public WriterFlags {
        if (!ONPREM.equals(activeWriter) && !AURORA.equals(activeWriter)) {
            throw new IllegalArgumentException("active writer '" + activeWriter + "' is neither " + ONPREM
                    + " nor " + AURORA + ": the parameter database/active-writer holds a value no writer understands");
        }
    }

    /** Parses the parameters' values, refusing anything but on/off for the freeze. */
    public static WriterFlags of(String activeWriter, String freeze) {
        if (!"on".equals(freeze) && !"off".equals(freeze)) {
            throw new IllegalArgumentException("write freeze '" + freeze
                    + "' is neither on nor off: the parameter database/write-freeze holds a value no writer understands");
        }
        return new WriterFlags(activeWriter, "on".equals(freeze));
    }
}
