/** Redaction of secrets from untrusted text, and fingerprints of values that must not be stored. */
@NullMarked
package dev.reasoningbank.core.redact;

import org.jspecify.annotations.NullMarked;
