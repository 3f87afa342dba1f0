package io.callaudit.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Opens inputs as {@link CallReader}s: the one place that ties an input's detected layout and format to a
 * reader, so callers only name files.
 *
 * <p>Exotel and CTM write timestamps without an offset; the overloads taking a {@link ZoneId} say which zone
 * those are read in (the profile's {@code timezone}), or, given null, leave it to the format's documented
 * default ({@link InputFormat#defaultZone()}: India time for Exotel). The others read them as UTC.
 */
public final class CallReaders {

    private CallReaders() {}

    /**
     * Opens a file, or stdin when {@code name} is {@code -}, detecting gzip, layout and format from the content;
     * zone-less timestamps are read as UTC.
     *
     * @param stdin the process's standard input, read only when {@code name} is {@code -}
     * @param forced the format given by {@code --input-format}, or null to detect it (the layout is detected
     *        either way)
     * @throws InputException when the input is missing, unreadable or not call records at all
     */
    public static CallReader open(String name, InputStream stdin, InputFormat forced) {
        return open(name, stdin, forced, ZoneOffset.UTC);
    }

    /**
     * Opens a file, or stdin when {@code name} is {@code -}, detecting gzip, layout and format from the content.
     *
     * @param stdin the process's standard input, read only when {@code name} is {@code -}
     * @param forced the format given by {@code --input-format}, or null to detect it (the layout is detected
     *        either way)
     * @param zone the zone of timestamps written without an offset (Exotel's and CTM's local times), or null for
     *        the format's default
     * @throws InputException when the input is missing, unreadable or not call records at all
     */
    public static CallReader open(String name, InputStream stdin, InputFormat forced, ZoneId zone) {
        return open(InputSource.open(name, stdin), forced, zone);
    }

    /**
     * Reads an already opened source, zone-less timestamps as UTC; the reader owns the source from here and
     * closes it, also when this fails.
     *
     * @throws InputException when the input is not call records at all
     */
    public static CallReader open(InputSource source, InputFormat forced) {
        return open(source, forced, ZoneOffset.UTC);
    }

    /**
     * Reads an already opened source; the reader owns it from here and closes it, also when this fails.
     *
     * @param zone the zone of timestamps written without an offset (Exotel's and CTM's local times), or null for
     *        the format's default
     * @throws InputException when the input is not call records at all
     */
    public static CallReader open(InputSource source, InputFormat forced, ZoneId zone) {
        try {
            Detection detection = FormatDetector.detect(source, forced);
            ZoneId z = zone != null ? zone : detection.format().defaultZone();
            return switch (detection.shape()) {
                case JSON -> new JsonDocumentReader(source, detection.format(), z);
                case NDJSON -> new NdjsonReader(source, detection.format(), z);
                case CSV -> new CsvReader(source, detection.format(), z);
                case XML -> new XmlReader(source, detection.format(), z);
                case FORM -> new FormReader(source, detection.format(), z);
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
     * The inputs of one run in order, zone-less timestamps read as UTC; see
     * {@link #openEach(List, InputStream, InputFormat, ZoneId)}.
     */
    public static Iterable<CallReader> openEach(List<String> names, InputStream stdin, InputFormat forced) {
        return openEach(names, stdin, forced, ZoneOffset.UTC);
    }

    /**
     * The inputs of one run in order, each opened only when the previous one is done with, so a batch of many
     * files holds one open file at a time. The caller closes each reader; a missing file surfaces as an
     * {@link InputException} when its turn comes, after the files before it were read.
     *
     * @param zone the zone of timestamps written without an offset (Exotel's and CTM's local times), or null for
     *        each format's default
     */
    public static Iterable<CallReader> openEach(
            List<String> names, InputStream stdin, InputFormat forced, ZoneId zone) {
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
                return open(copy.get(next++), stdin, forced, zone);
            }
        };
    }
}
