/** Deciding whether a tool result that did not throw is a success. */
package dev.reasoningbank.core.judge;
