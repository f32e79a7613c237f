/** What the agent calls: tools, tool calls, tool failures and the sources of replacement parameter values. */
@NullMarked
package dev.reasoningbank.core.tool;

import org.jspecify.annotations.NullMarked;
