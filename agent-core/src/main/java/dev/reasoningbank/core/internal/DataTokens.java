package dev.reasoningbank.core.internal;

/** Tokens and keys that are data, not the caller's credential: a page's, a cursor's, an upload's, an idempotency key's. */
public final class DataTokens {

    /** The words before "token" or "key" that make it one of data ("page token", "idempotency key"), as alternatives of a regular expression. */
    public static final String QUALIFIERS = "page|pagination|continuation|cursor|next|sync|idempotency|verification|registration"
            + "|upload|lease|cache|resume|device|push|webhook";

    private DataTokens() {}
}
