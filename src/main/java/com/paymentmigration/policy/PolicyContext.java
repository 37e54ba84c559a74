package com.paymentmigration.policy;

/** What rules know besides the resources: the environment suffix every physical name must carry. */
public record PolicyContext(String environmentSuffix) {
}
