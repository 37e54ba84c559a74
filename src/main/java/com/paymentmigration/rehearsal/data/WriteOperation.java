package com.paymentmigration.rehearsal.data;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One write the application makes, with the idempotency key that makes a retry safe: the payment's own key for its
 * creation, a key of the event's own for a capture, a refund or a status change. {@code after} is the state the
 * payment has once this write has been applied.
 */
record WriteOperation(Kind kind, UUID paymentKey, UUID eventKey, int merchant, String currency, BigDecimal eventAmount,
                      PaymentState after) {

    enum Kind { CREATE, CAPTURE, REFUND, STATUS }

    static WriteOperation create(UUID paymentKey, int merchant, String currency, PaymentState state) {
        return new WriteOperation(Kind.CREATE, paymentKey, paymentKey, merchant, currency, state.amount(), state);
    }

    static WriteOperation event(Kind kind, UUID paymentKey, UUID eventKey, BigDecimal signedAmount,
                                PaymentState after) {
        return new WriteOperation(kind, paymentKey, eventKey, 0, null, signedAmount, after);
    }
}
