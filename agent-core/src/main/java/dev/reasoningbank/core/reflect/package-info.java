/** Turning a redacted failure into a lesson: the reflector SPI and the deterministic rule-based reflector. */
@NullMarked
package dev.reasoningbank.core.reflect;

import org.jspecify.annotations.NullMarked;
