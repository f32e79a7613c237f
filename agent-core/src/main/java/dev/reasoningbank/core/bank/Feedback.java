package dev.reasoningbank.core.bank;

/** What applying a lesson did to the call it was applied to. */
public enum Feedback {
    /** The call succeeded with the lesson applied. */
    HELPED,
    /** The call still failed with the lesson applied. */
    HURT
}
