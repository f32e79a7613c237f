/** The lesson model: immutable records for lessons, triggers and the closed strategy vocabulary. */
package dev.reasoningbank.core.lesson;
