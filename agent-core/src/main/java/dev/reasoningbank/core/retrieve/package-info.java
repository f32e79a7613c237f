/** Finding the lessons that fit a call: the retriever SPI and the deterministic signature + lexical retriever. */
@NullMarked
package dev.reasoningbank.core.retrieve;

import org.jspecify.annotations.NullMarked;
