package io.callaudit.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Opens inputs as {@link CallReader}s: the one place that ties an input's detected layout and format to a
 * reader, so callers only name files.
 */
public final class CallReaders {

    private CallReaders() {
    }

    /**
     * Opens a file, or stdin when {@code name} is {@code -}, detecting gzip, layout and format from the content.
     *
     * @param stdin the process's standard input, read only when {@code name} is {@code -}
     * @param forced the format given by {@code --input-format}, or null to detect it (the layout is detected
     *        either way)
     * @throws InputException when the input is missing, unreadable or not call records at all
     */
    public static CallReader open(String name, InputStream stdin, InputFormat forced) {
        return open(InputSource.open(name, stdin), forced);
    }

    /**
     * Reads an already opened source; the reader owns it from here and closes it, also when this fails.
     *
     * @throws InputException when the input is not call records at all
     */
    public static CallReader open(InputSource source, InputFormat forced) {
        try {
            Detection detection = FormatDetector.detect(source, forced);
            return switch (detection.shape()) {
                case JSON -> new JsonDocumentReader(source, detection.format());
                case NDJSON -> new NdjsonReader(source, detection.format());
                case CSV -> new CsvReader(source, detection.format(), CanonicalMapper.FIELDS,
                        CanonicalMapper.REQUIRED);
            };
        } catch (IOException e) {
            source.close();
            throw new InputException(source.name(), 0, "read error: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * The inputs of one run in order, each opened only when the previous one is done with, so a batch of many
     * files holds one open file at a time. The caller closes each reader; a missing file surfaces as an
     * {@link InputException} when its turn comes, after the files before it were read.
     */
    public static Iterable<CallReader> openEach(List<String> names, InputStream stdin, InputFormat forced) {
        List<String> copy = List.copyOf(names);
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < copy.size();
            }

            @Override
            public CallReader next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return open(copy.get(next++), stdin, forced);
            }
        };
    }
}
