/** Internal helpers; not part of the API. */
@NullMarked
package dev.reasoningbank.core.internal;

import org.jspecify.annotations.NullMarked;
