/** Deciding whether a tool result that did not throw is a success. */
@NullMarked
package dev.reasoningbank.core.judge;

import org.jspecify.annotations.NullMarked;
