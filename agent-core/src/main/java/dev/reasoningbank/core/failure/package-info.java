/**
 * What a failed tool call means: the server's message apart from the transport noise, the status, the
 * useful headers, the host and the root cause, read from our {@code ToolException}, from the HTTP
 * exceptions of common clients (by their public accessors, with no dependency on them) or from a
 * plain exception's message; redacted before anything else sees it.
 */
@NullMarked
package dev.reasoningbank.core.failure;

import org.jspecify.annotations.NullMarked;
