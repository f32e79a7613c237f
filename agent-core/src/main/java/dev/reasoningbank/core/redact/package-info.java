/** Redaction of secrets from untrusted text, and fingerprints of values that must not be stored. */
package dev.reasoningbank.core.redact;
