package io.callaudit.audit;

import io.callaudit.model.ReadResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongSupplier;

/**
 * Reads the input on its own thread, a chunk of records at a time, while the caller audits the chunks
 * already read: parsing and rule evaluation each get a core. The queue is bounded, so a fast reader waits
 * for a slow auditor instead of filling the heap. A reading failure is rethrown where the caller iterates.
 */
final class PrefetchingInput implements Iterable<ReadResult> {

    private static final int CHUNK = 1024;
    private static final int CHUNKS_AHEAD = 4;

    private final Iterable<ReadResult> source;
    private final Progress progress;
    private final LongSupplier bytes;

    PrefetchingInput(Iterable<ReadResult> source) {
        this(source, Progress.NONE, () -> 0);
    }

    PrefetchingInput(Iterable<ReadResult> source, Progress progress, LongSupplier bytes) {
        this.source = source;
        this.progress = progress;
        this.bytes = bytes;
    }

    /** What the reading thread hands over: records, the end, or the failure that stopped it. */
    private record Chunk(List<ReadResult> records, Throwable failure, boolean last) {}

    @Override
    public Iterator<ReadResult> iterator() {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
        Thread reader = new Thread(() -> read(queue), "callaudit-reader");
        reader.setDaemon(true);
        reader.start();
        return new Iterator<>() {
            private Iterator<ReadResult> current = List.<ReadResult>of().iterator();
            private boolean done;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !done) {
                    Chunk chunk = take(queue);
                    if (chunk.failure() != null) {
                        done = true;
                        throw rethrown(chunk.failure());
                    }
                    current = chunk.records().iterator();
                    done = chunk.last();
                }
                return current.hasNext();
            }

            @Override
            public ReadResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private void read(BlockingQueue<Chunk> queue) {
        try {
            List<ReadResult> chunk = new ArrayList<>(CHUNK);
            long read = 0;
            for (ReadResult r : source) {
                chunk.add(r);
                if (chunk.size() == CHUNK) {
                    read += CHUNK;
                    progress.update(read, bytes.getAsLong());
                    put(queue, new Chunk(chunk, null, false));
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            progress.update(read + chunk.size(), bytes.getAsLong());
            progress.done();
            put(queue, new Chunk(chunk, null, true));
        } catch (RuntimeException | Error e) {
            // An Error too (an exhausted heap, a stack overflow on deep input): left to kill this thread, it
            // would leave the auditor waiting forever for a chunk that never comes.
            put(queue, new Chunk(List.of(), e, true));
        }
    }

    /** The reading thread's failure, thrown again where the caller iterates. */
    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof Error e) {
            throw e;
        }
        return (RuntimeException) failure;
    }

    private static void put(BlockingQueue<Chunk> queue, Chunk chunk) {
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading interrupted", e);
        }
    }

    private static Chunk take(BlockingQueue<Chunk> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("auditing interrupted", e);
        }
    }
}
