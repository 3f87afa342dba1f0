package io.callaudit.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes N realistic calls of one provider's export as NDJSON, and the recording profile that matches them,
 * deterministically from a seed: the input of the benchmarks (bench/run.sh, the JMH benchmarks) and of
 * anyone who needs a large batch that looks like production without being production data.
 *
 * <pre>
 * java -cp target/test-classes io.callaudit.bench.CallGenerator --format aircall --calls 1m --seed 42 \
 *     --out bench/data/aircall-1m.ndjson.gz --profile-out bench/data/aircall-profile.yaml
 * </pre>
 *
 * <p>Options: {@code --format aircall|exotel|ctm|canonical} (default aircall), {@code --calls N} (a count, or
 * with a {@code k}/{@code m} suffix; default 1000), {@code --seed S} (default 42), {@code --out FILE} (required;
 * a {@code .gz} suffix writes gzip, {@code -} writes standard output), {@code --profile-out FILE} (optional),
 * {@code --gzip-level 1..9} (default 6, what {@code gzip} uses).
 *
 * <p>The same format, count and seed always give a byte-identical file; memory stays constant whatever the
 * count, because calls are drawn and written one at a time in start order. The mix (see {@link CallMix}) is
 * ~15 % missed, ~2 % voicemail, ~5 % short talk, ~0.2 % over four hours, ~2 % parallel legs, ~0.3 % unexplained
 * gaps, the rest answered and recorded unless their line does not record that direction; the lines are those of
 * {@link Fleet}. A test-scope tool: it prints its statistics to standard error.
 */
public final class CallGenerator {

    /** What one run wrote. */
    record Stats(long calls, long bytes, long accidentalOverlaps) {}

    private CallGenerator() {}

    public static void main(String[] args) throws IOException {
        CallFormat format = CallFormat.AIRCALL;
        long calls = 1000;
        long seed = 42;
        String out = null;
        String profileOut = null;
        int level = 6;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                usage(null);
                return;
            }
            if (i + 1 >= args.length) {
                usage("missing value for " + arg);
                return;
            }
            String value = args[++i];
            switch (arg) {
                case "--format" -> format = CallFormat.parse(value);
                case "--calls" -> calls = parseCount(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--out" -> out = value;
                case "--profile-out" -> profileOut = value;
                case "--gzip-level" -> level = Integer.parseInt(value);
                default -> {
                    usage("unknown option " + arg);
                    return;
                }
            }
        }
        if (out == null) {
            usage("--out is required");
            return;
        }
        long started = System.nanoTime();
        Stats stats;
        if (out.equals("-")) {
            stats = generate(format, calls, seed, System.out);
            System.out.flush();
        } else {
            Path path = Path.of(out);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            try (OutputStream file = open(path, level)) {
                stats = generate(format, calls, seed, file);
            }
        }
        if (profileOut != null) {
            Path path = Path.of(profileOut);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, profile(format, calls, seed), StandardCharsets.UTF_8);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf(
                Locale.ROOT,
                "callgen: %s: %d %s calls, %.1f MB uncompressed (%.0f B/call), %.1f s, " + "%.0f calls/s, seed %d%n",
                out,
                stats.calls(),
                format.wire(),
                stats.bytes() / 1e6,
                stats.calls() == 0 ? 0.0 : (double) stats.bytes() / stats.calls(),
                seconds,
                stats.calls() / seconds,
                seed);
    }

    /**
     * Writes {@code calls} calls of {@code format} to {@code out} (not closed), as NDJSON.
     *
     * @return how many calls and uncompressed bytes were written
     */
    static Stats generate(CallFormat format, long calls, long seed, OutputStream out) throws IOException {
        CallMix mix = new CallMix(format, calls, seed);
        RecordWriter writer = RecordWriter.of(format, seed);
        CallMix.Call call = new CallMix.Call();
        AsciiBuffer buffer = new AsciiBuffer();
        OutputStream sink = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 1 << 20);
        long bytes = 0;
        for (long i = 0; i < calls; i++) {
            mix.next(call);
            buffer.reset();
            writer.write(call, buffer);
            buffer.writeTo(sink);
            bytes += buffer.length();
        }
        sink.flush();
        return new Stats(calls, bytes, mix.accidentalOverlaps());
    }

    /** The calls as one byte array, for tests and in-memory benchmarks. */
    public static byte[] generate(CallFormat format, long calls, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(calls * 1100, 1 << 30));
        try {
            generate(format, calls, seed, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The profile matching a batch: every line of {@link Fleet} with its id and digits as {@code format} writes
     * them, recording off where the fleet says so, deleted lines, the pause-allowed line, the fixed audit clock.
     */
    static String profile(CallFormat format, long calls, long seed) {
        CallMix mix = new CallMix(format, calls, seed);
        StringBuilder y = new StringBuilder(4096);
        y.append("# Recording profile for a batch written by io.callaudit.bench.CallGenerator (--format ")
                .append(format.wire())
                .append(" --calls ")
                .append(calls)
                .append(" --seed ")
                .append(seed)
                .append(").\n")
                .append("# Lines 03, 11, 19, 27 record no outbound calls, 07 and 23 no inbound ones, 13 switched\n")
                .append("# recording on halfway through; 05, 17 and 33 were deleted after the batch (17 recovered);\n")
                .append("# 29 lets agents pause.\n")
                .append("provider: ")
                .append(format.provider())
                .append('\n');
        if (format == CallFormat.EXOTEL) {
            y.append("plan: enterprise\n");
        }
        y.append("as_of: ").append(Instant.ofEpochSecond(Fleet.AS_OF)).append('\n');
        switch (format) {
            case EXOTEL -> y.append("timezone: Asia/Kolkata\ndefault_region: IN\n");
            case CTM -> y.append("timezone: America/New_York\ndefault_region: US\n");
            default -> y.append("default_region: FR\n");
        }
        y.append("numbers_complete: true\n");
        if (format == CallFormat.EXOTEL) {
            y.append("recording:\n  enabled: true\n  mode: single\n  format: mp3\n  retention_days: 365\n")
                    .append("  start_point: on_answer\n  storage: provider\n  consent_greeting: true\n");
        }
        y.append("numbers:\n");
        for (int n = 0; n < Fleet.LINES; n++) {
            y.append("  - id: \"")
                    .append(format.lineId(n))
                    .append("\"\n")
                    .append("    digits: \"")
                    .append(format.lineDigits(n))
                    .append("\"\n")
                    .append("    record_inbound: ")
                    .append(Fleet.recordsInbound(n))
                    .append('\n')
                    .append("    record_outbound: ")
                    .append(Fleet.recordsOutbound(n))
                    .append('\n');
            if (Fleet.enabledLate(n)) {
                y.append("    recording_enabled_at: ")
                        .append(Instant.ofEpochSecond(mix.recordingEnabledAt()))
                        .append('\n');
            }
            if (Fleet.pauseAllowed(n)) {
                y.append("    allow_user_pause: true\n");
            }
            if (Fleet.deleted(n)) {
                y.append("    deleted_at: ")
                        .append(Instant.ofEpochSecond(Fleet.DELETED_AT))
                        .append('\n');
            }
            if (Fleet.recovered(n)) {
                y.append("    recovered_at: ")
                        .append(Instant.ofEpochSecond(Fleet.RECOVERED_AT))
                        .append('\n');
            }
            if (format == CallFormat.CTM) {
                y.append("    settings: Account Level\n");
            }
        }
        if (format == CallFormat.CTM) {
            y.append("settings_configs:\n  - {name: Account Level, recordings: true}\n");
        }
        if (format == CallFormat.EXOTEL) {
            y.append("flows:\n  - {id: support, record: true, consent_greeting: true}\n")
                    .append("  - {id: sales, record: true, consent_greeting: true}\n");
        }
        return y.toString();
    }

    /** {@code 2000}, {@code 100k}, {@code 1m}, {@code 10M}. */
    static long parseCount(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
        long unit = 1;
        if (t.endsWith("k")) {
            unit = 1_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            unit = 1_000_000;
            t = t.substring(0, t.length() - 1);
        }
        return Long.parseLong(t) * unit;
    }

    private static OutputStream open(Path path, int level) throws IOException {
        OutputStream file = Files.newOutputStream(path);
        if (!path.getFileName().toString().endsWith(".gz")) {
            return new BufferedOutputStream(file, 1 << 20);
        }
        return new BufferedOutputStream(new LeveledGzip(file, level), 1 << 20);
    }

    private static void usage(String error) {
        if (error != null) {
            System.err.println("callgen: " + error);
        }
        System.err.println("usage: CallGenerator --out FILE[.gz] [--format aircall|exotel|ctm|canonical] "
                + "[--calls N|100k|1m] [--seed S] [--profile-out PROFILE.yaml] [--gzip-level 1..9]");
        if (error != null) {
            System.exit(2);
        }
    }

    /** Gzip at a chosen level: {@code GZIPOutputStream} exposes its deflater only to subclasses. */
    private static final class LeveledGzip extends GZIPOutputStream {

        LeveledGzip(OutputStream out, int level) throws IOException {
            super(out, 1 << 16);
            def.setLevel(level);
        }
    }
}
