/** Internal helpers; not part of the API. */
package dev.reasoningbank.core.internal;
