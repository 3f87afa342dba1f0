package io.callaudit.gate;

import io.callaudit.model.ProfileLocation;
import io.callaudit.model.WireEnum;
import io.callaudit.rules.Finding;

/**
 * What a waiver points at. Exactly one per waiver: a waiver that could match by call or by number would be
 * broader than the reviewer who signed it may have noticed.
 */
public enum TargetKind implements WireEnum {
    /** One call, by its id. */
    CALL("call"),
    /** Every call on one provider line, by the number's id. */
    NUMBER("number"),
    /** Every call through one flow (Exotel app). */
    FLOW("flow"),
    /** A profile key, and every key below it: {@code flows[0]} covers {@code flows[0].mode}. */
    KEY("key");

    private final String wire;

    TargetKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** True when {@code finding} is about {@code value}; a finding without that kind of entity never matches. */
    boolean matches(Finding finding, String value) {
        return switch (this) {
            case CALL -> value.equals(finding.callId());
            case NUMBER -> value.equals(finding.numberId());
            case FLOW -> value.equals(finding.flowId());
            case KEY -> coversKey(value, finding.location());
        };
    }

    /**
     * A key prefix only counts at a path boundary, so {@code recording} covers {@code recording.format} but
     * {@code flows[1]} does not cover {@code flows[10]}.
     */
    private static boolean coversKey(String value, ProfileLocation location) {
        if (location == null || location.key() == null) {
            return false;
        }
        String key = location.key();
        if (!key.startsWith(value)) {
            return false;
        }
        if (key.length() == value.length()) {
            return true;
        }
        char next = key.charAt(value.length());
        return next == '.' || next == '[';
    }
}
