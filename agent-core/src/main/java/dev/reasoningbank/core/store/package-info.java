/** Where lessons live: the store SPI, the crash-safe JSON file store and the in-memory store. */
@NullMarked
package dev.reasoningbank.core.store;

import org.jspecify.annotations.NullMarked;
