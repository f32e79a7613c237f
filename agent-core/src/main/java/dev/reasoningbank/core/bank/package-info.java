/** The ReasoningBank facade: retrieve, memorize (validated, de-duplicated by trigger) and feedback (trust and retirement). */
@NullMarked
package dev.reasoningbank.core.bank;

import org.jspecify.annotations.NullMarked;
