package io.callaudit.cli;

import io.callaudit.ingest.InputFormat;
import io.callaudit.model.WireEnum;
import io.callaudit.report.DiffWriter;
import io.callaudit.report.ReportFormat;
import io.callaudit.report.RuleReference;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters that name the accepted values in their error, in the spelling users type. */
final class Converters {

    private Converters() {}

    static <E extends Enum<E> & WireEnum> E wire(Class<E> type, String value) {
        E e = WireEnum.parse(type, value);
        if (e == null) {
            throw new TypeConversionException("'" + value + "' is not one of " + WireEnum.choices(type));
        }
        return e;
    }

    static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not an RFC 3339 time such as 2026-11-20T00:00:00Z");
        }
    }

    /** {@code --format}. */
    static final class ReportFormatConverter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            return Converters.wire(ReportFormat.class, value);
        }
    }

    /** {@code --input-format}. */
    static final class InputFormatConverter implements ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            return Converters.wire(InputFormat.class, value);
        }
    }

    /** {@code --fail-on}. */
    static final class FailOnConverter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not one of error | warning | info | never");
            }
        }
    }

    /** {@code --lang}. */
    static final class LanguageConverter implements ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            try {
                return Language.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not one of en | es");
            }
        }
    }

    /** {@code --as-of}. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return Converters.instant(value);
        }
    }

    /** The names {@code --format} accepts on a report, from {@link ReportFormat} itself. */
    static final class ReportFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ReportFormat.values()).map(ReportFormat::wire).iterator();
        }
    }

    /** The names {@code diff --format} accepts, from {@link DiffWriter.Layout}. */
    static final class DiffLayouts implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(DiffWriter.Layout.values())
                    .map(l -> l.name().toLowerCase(Locale.ROOT))
                    .iterator();
        }
    }

    /** The names {@code rules --format} accepts, from {@link RuleReference.Layout}. */
    static final class RuleLayouts implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(RuleReference.Layout.values())
                    .map(l -> l.name().toLowerCase(Locale.ROOT))
                    .iterator();
        }
    }

    /** The names {@code --input-format} accepts, from {@link InputFormat}. */
    static final class InputFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(InputFormat.values()).map(InputFormat::wire).iterator();
        }
    }
}
