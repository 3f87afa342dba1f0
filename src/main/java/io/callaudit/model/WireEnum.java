package io.callaudit.model;

/**
 * A closed set whose constants travel in files under a lower-case name. Keeping the wire name on the
 * constant lets readers and writers agree without a second table that could drift.
 */
public interface WireEnum {

    /** The spelling used in input files, profiles and reports. */
    String wire();

    /** Finds the constant spelled {@code value}, or {@code null} when none is. */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.wire().equals(value)) {
                return e;
            }
        }
        return null;
    }

    /** The accepted spellings, for error messages. */
    static <E extends Enum<E> & WireEnum> String choices(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(e.wire());
        }
        return sb.toString();
    }
}
