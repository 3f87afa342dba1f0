package io.callaudit.audit;

import io.callaudit.ingest.CallReader;
import io.callaudit.model.ReadResult;
import java.io.Closeable;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The records of several inputs as one stream, opening each input only when the previous one is finished so
 * a run over many files keeps one file open at a time.
 */
final class ChainedInput implements Iterable<ReadResult>, Closeable {

    private final CallReader first;
    private final Iterator<CallReader> rest;
    private volatile CallReader current;
    private volatile long finishedBytes;

    ChainedInput(CallReader first, Iterator<CallReader> rest) {
        this.first = first;
        this.rest = rest;
    }

    @Override
    public Iterator<ReadResult> iterator() {
        current = first;
        return new Iterator<>() {
            private Iterator<ReadResult> records = first.iterator();

            @Override
            public boolean hasNext() {
                while (!records.hasNext()) {
                    finishedBytes += current.bytesRead();
                    current.close();
                    if (!rest.hasNext()) {
                        return false;
                    }
                    current = rest.next();
                    records = current.iterator();
                }
                return true;
            }

            @Override
            public ReadResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return records.next();
            }
        };
    }

    /** Bytes consumed from all inputs so far; called from another thread, so only an estimate. */
    long bytesRead() {
        CallReader now = current;
        return finishedBytes + (now == null ? 0 : now.bytesRead());
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
        }
        first.close();
    }
}
