package io.callaudit.rules;

/** What a call rule's firing means for the call's outcome. */
public enum Effect {
    /** Informative only: the outcome does not change. */
    NONE,
    /** Explains why a call has no recording: the gap is expected, not a provider fault. */
    EXPLAINS_GAP,
    /** A recording that existed is permanently gone (or is about to be). */
    LOSS
}
