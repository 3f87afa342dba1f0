package io.callaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.callaudit.model.ReadResult;
import io.callaudit.model.Rejection;
import io.callaudit.model.SourceRef;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * What every reader shares: one-shot iteration over a pull-style {@link #readNext()}, and the rule that turns
 * a mapper's complaint into a located rejection instead of an exception.
 */
abstract class StreamingReader implements CallReader {

    private final InputSource source;
    private final InputFormat format;
    private final RecordMapper mapper;
    private final ZoneId zone;
    private boolean iterated;

    /** @param zone the zone of timestamps the input writes without an offset */
    StreamingReader(InputSource source, InputFormat format, ZoneId zone) {
        this(source, format, zone, format.mapper(zone));
    }

    StreamingReader(InputSource source, InputFormat format, ZoneId zone, RecordMapper mapper) {
        this.source = source;
        this.format = format;
        this.zone = zone;
        this.mapper = mapper;
    }

    /** The next result, or null at the end of the input. */
    abstract ReadResult readNext() throws IOException;

    /** The line reading has reached, to locate an I/O failure. */
    abstract long line();

    @Override
    public final Iterator<ReadResult> iterator() {
        if (iterated) {
            throw new IllegalStateException("the records of '" + name() + "' can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            private ReadResult next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = pull();
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public ReadResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ReadResult r = next;
                next = null;
                return r;
            }
        };
    }

    private ReadResult pull() {
        try {
            return readNext();
        } catch (IOException e) {
            throw new InputException(name(), line(), "read error: " + e.getMessage(), e);
        }
    }

    ReadResult map(JsonNode record, long line) {
        SourceRef at = new SourceRef(name(), line);
        try {
            return mapper.read(record, at);
        } catch (FieldException e) {
            return reject(line, e.field(), e.reason());
        }
    }

    ReadResult reject(long line, String field, String reason) {
        return new ReadResult.Rejected(new Rejection(new SourceRef(name(), line), field, reason));
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public long bytesRead() {
        return source.bytesRead();
    }

    @Override
    public InputFormat format() {
        return format;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public void close() {
        source.close();
    }
}
