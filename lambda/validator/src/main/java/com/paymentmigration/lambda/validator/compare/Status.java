package com.paymentmigration.lambda.validator.compare;

/** Where a partition or table stands. Only MATCH and MISMATCH are verdicts. */
public enum Status { IN_PROGRESS, MATCH, MISMATCH, NOT_COMPARED }
