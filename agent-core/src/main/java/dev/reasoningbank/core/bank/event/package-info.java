/** Events about the lessons of a bank; each {@code toString()} reads as a sentence. */
package dev.reasoningbank.core.bank.event;
