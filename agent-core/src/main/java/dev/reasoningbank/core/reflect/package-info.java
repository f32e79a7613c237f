/** Turning a redacted failure into a lesson: the reflector SPI and the deterministic rule-based reflector. */
package dev.reasoningbank.core.reflect;
