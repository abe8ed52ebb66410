package dev.supportpulse.metrics.repository;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/**
 * The pool that metric queries read from: a read replica's when {@code supportpulse.metrics.read.url}
 * (SUPPORTPULSE_METRICS_READ_URL) is set, else the default (primary) pool. Writes never use it.
 */
@Qualifier
@Retention(RUNTIME)
@Target({ TYPE, METHOD, FIELD, PARAMETER })
public @interface ReadPool {
}
