/** The LLM components: model configuration and chat clients, prompt templates, the reflectors, the judge and the embedding retriever. */
@NullMarked
package dev.reasoningbank.llm;

import org.jspecify.annotations.NullMarked;
