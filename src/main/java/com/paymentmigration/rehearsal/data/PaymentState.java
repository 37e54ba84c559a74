package com.paymentmigration.rehearsal.data;

import java.math.BigDecimal;

/**
 * What a payment row must hold after the writes acknowledged so far: the ledger's expectation, compared column by
 * column with the row the database has.
 */
public record PaymentState(BigDecimal amount, String status, BigDecimal captured, BigDecimal refunded, int version) {

    static PaymentState authorized(BigDecimal amount) {
        return new PaymentState(amount, "authorized", BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 1);
    }

    PaymentState afterCapture() {
        return new PaymentState(amount, "captured", amount, refunded, version + 1);
    }

    /** A refund of {@code part} (positive) of what was captured; fully refunded once nothing is left. */
    PaymentState afterRefund(BigDecimal part) {
        var total = refunded.add(part);
        var status = total.compareTo(captured) >= 0 ? "refunded" : "partially_refunded";
        return new PaymentState(amount, status, captured, total, version + 1);
    }

    PaymentState afterStatus(String newStatus) {
        return new PaymentState(amount, newStatus, captured, refunded, version + 1);
    }

    /** Equal as the database stores it: numerics compared by value, so 1.5 and 1.50 are the same amount. */
    boolean sameAs(PaymentState row) {
        return amount.compareTo(row.amount) == 0 && status.equals(row.status)
                && captured.compareTo(row.captured) == 0 && refunded.compareTo(row.refunded) == 0
                && version == row.version;
    }
}
