package io.callaudit.ingest;

import io.callaudit.model.ReadResult;
import java.io.Closeable;
import java.time.ZoneId;

/**
 * The records of one input, read lazily so memory does not grow with the batch. Iterate once: the input is a
 * stream (stdin, a gzip body) and cannot be rewound. Each record yields a call or a located rejection, and
 * reading goes on after a rejection; iteration throws {@link InputException} only when the rest of the input
 * cannot be read at all (truncated gzip or JSON), after the records before it were yielded.
 */
public interface CallReader extends Iterable<ReadResult>, Closeable {

    /** The input as the user named it ({@code -} for stdin). */
    String name();

    /** The format the records are read as, detected or forced. */
    InputFormat format();

    /** The zone offset-less times of this input are read in: the profile's, or the format's default. */
    ZoneId zone();

    /** Bytes of the input consumed so far (compressed, as stored); a progress display reads it. */
    long bytesRead();

    /** Never fails: by the time a reader is closed everything wanted has been read. */
    @Override
    void close();
}
