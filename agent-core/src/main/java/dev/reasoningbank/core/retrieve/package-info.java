/** Finding the lessons that fit a call: the retriever SPI and the deterministic signature + lexical retriever. */
package dev.reasoningbank.core.retrieve;
