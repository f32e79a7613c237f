/** Events about the lessons of a bank; each {@code toString()} reads as a sentence. */
@NullMarked
package dev.reasoningbank.core.bank.event;

import org.jspecify.annotations.NullMarked;
