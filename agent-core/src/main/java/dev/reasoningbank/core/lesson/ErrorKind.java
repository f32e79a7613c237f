package dev.reasoningbank.core.lesson;

/** What went wrong with a tool call, independent of the tool: the first thing a lesson is keyed on. */
public enum ErrorKind {
    /** The credential was rejected or has expired (HTTP 401). */
    AUTH,
    /** The credential is valid but lacks a permission, a scope or a plan (HTTP 402, 403). */
    FORBIDDEN,
    /** The host refused the connection: it is down. */
    HOST_DOWN,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** The call did not answer in time. */
    TIMEOUT,
    /** Too many requests (HTTP 429). */
    RATE_LIMITED,
    /** The endpoint or resource is gone or deprecated (HTTP 404, 410). */
    GONE,
    /** An argument or header was rejected (HTTP 400, 406, 409, 412, 413, 415, 422, or a validation message). */
    VALIDATION,
    /** The server failed (HTTP 5xx) or is busy with other work (a 409 saying to try again); usually transient. */
    SERVER_ERROR,
    /** The call returned but its result is wrong (judged, not thrown). */
    WRONG_RESULT,
    /** Nothing more specific is known. */
    UNKNOWN
}
