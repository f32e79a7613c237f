/** Micrometer meters for the learning loop. */
@NullMarked
package dev.reasoningbank.micrometer;

import org.jspecify.annotations.NullMarked;
