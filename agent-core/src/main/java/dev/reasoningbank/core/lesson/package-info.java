/** The lesson model: immutable records for lessons, triggers and the closed strategy vocabulary. */
@NullMarked
package dev.reasoningbank.core.lesson;

import org.jspecify.annotations.NullMarked;
