/** The ReasoningBank facade: retrieve, memorize (validated, de-duplicated by trigger) and feedback (trust and retirement). */
package dev.reasoningbank.core.bank;
