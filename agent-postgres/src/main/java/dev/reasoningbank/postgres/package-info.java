/**
 * A lesson store on PostgreSQL for a fleet of agents sharing one bank: {@link
 * dev.reasoningbank.postgres.PostgresLessonStore}.
 */
@NullMarked
package dev.reasoningbank.postgres;

import org.jspecify.annotations.NullMarked;
