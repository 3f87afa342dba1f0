package io.callaudit.audit;

/**
 * Told how far reading has got, from the reading thread, every chunk of records: a terminal can show a batch
 * of millions moving. Implementations throttle their own output.
 */
public interface Progress {

    /** Nothing is shown: the default, and what pipes and CI logs get. */
    Progress NONE = (records, bytes) -> {};

    /** {@code records} read so far and {@code bytes} of input consumed (compressed, as stored). */
    void update(long records, long bytes);

    /** Reading is over; the display may clear itself. */
    default void done() {}
}
