package com.paymentmigration.lambda.rotation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A test that runs once against each supported PostgreSQL major ({@link PostgresServer#majors()}). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("com.paymentmigration.lambda.rotation.PostgresServer#majors")
@interface AllMajors {
}
