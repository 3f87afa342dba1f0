package io.callaudit.model;

/**
 * The envelope of a webhook payload. One call arrives as several events ({@code call.hungup} before the
 * recording exists, {@code call.ended} about 30 s later, then tags and comments), so the audit keeps the
 * latest one per call and needs the envelope to decide which that is.
 */
public record WebhookEvent(String name, long timestamp) {

    /** {@code call.ended} carries the final data; at a timestamp tie it wins over {@code call.hungup}. */
    public int tieRank() {
        return switch (name == null ? "" : name) {
            case "call.ended" -> 2;
            case "call.hungup" -> 0;
            default -> 1;
        };
    }

    /** True when this event should replace {@code other} as the one the call is audited from. */
    public boolean supersedes(WebhookEvent other) {
        if (timestamp != other.timestamp) {
            return timestamp > other.timestamp;
        }
        return tieRank() >= other.tieRank();
    }
}
