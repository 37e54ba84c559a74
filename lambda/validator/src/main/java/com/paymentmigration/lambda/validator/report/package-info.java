/**
 * What a run leaves behind: partition reports merged into the run's verdict ({@code Aggregator}, {@code RunReport}),
 * the stores reports and resumable progress go to (S3 in AWS, a directory on the command line), their JSON form,
 * and the metrics line per finished partition. Separate because it sits after the comparison: it reads
 * partition reports and never touches a database.
 */
package com.paymentmigration.lambda.validator.report;
