/** What the agent calls: tools, tool calls, tool failures and the sources of replacement parameter values. */
package dev.reasoningbank.core.tool;
