package dev.reasoningbank.core.lesson;

/** How far a lesson holds beyond the tool it was learned on. */
public enum Scope {
    /** The tool it was learned on only. */
    TOOL,
    /**
     * Every tool whose call meets its conditions, which name a host or a rejected value: a host that is
     * down is down for every tool calling it; a credential rejected for one tool is rejected for all.
     */
    HOST,
    /**
     * Every tool calling the host it was learned on, for the parameter it fixes, wherever that parameter
     * holds a value the fix can read: a date format or a letter case is a convention of one API, not of
     * one endpoint.
     */
    PARAMETER;

    /** Leaves the default ({@link #TOOL}) out of the bank file, as a lesson written before scopes reads. */
    public static final class ToolIsDefault {
        @Override
        public boolean equals(Object other) {
            return other == null || other == TOOL;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
