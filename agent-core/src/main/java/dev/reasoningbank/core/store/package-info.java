/** Where lessons live: the store SPI, the crash-safe JSON file store and the in-memory store. */
package dev.reasoningbank.core.store;
