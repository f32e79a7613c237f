/** The LangChain4j integration: AI services that inject lessons, plan tool calls and learn from failures and successes. */
@NullMarked
package dev.reasoningbank.llm.langchain4j;

import org.jspecify.annotations.NullMarked;
