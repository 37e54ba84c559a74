package com.paymentmigration.config;

import java.util.Locale;

/** What the migration state machine moves at each traffic step. */
public enum TrafficShift {
    /** The API stage's canary: every caller through the API. */
    API,
    /** The weighted records' weights: every caller by the service's name. */
    DNS,
    /** Both, so callers through the API and by name move together. */
    API_AND_DNS;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean movesApi() {
        return this != DNS;
    }

    public boolean movesDns() {
        return this != API;
    }
}
