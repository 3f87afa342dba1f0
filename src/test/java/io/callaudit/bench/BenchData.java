package io.callaudit.bench;

import io.callaudit.audit.PhoneNumbers;
import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Auditor;
import io.callaudit.ingest.CallReader;
import io.callaudit.ingest.CallReaders;
import io.callaudit.ingest.InputSource;
import io.callaudit.model.Profile;
import io.callaudit.model.ReadResult;
import io.callaudit.profile.ProfileLoader;
import io.callaudit.rules.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The fixtures the JMH benchmarks share: a generated Aircall batch in memory, its profile, the records read
 * from it and an audit of them. Built once per benchmark trial, outside the measured code, through the same
 * public entry points the CLI uses, so what is measured is the product's code path and nothing staged for it.
 */
final class BenchData {

    static final long SEED = 42;
    static final String NAME = "bench.ndjson";

    private BenchData() {}

    static byte[] ndjson(int calls) {
        return CallGenerator.generate(CallFormat.AIRCALL, calls, SEED);
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Profile profile(int calls) {
        return new ProfileLoader()
                .load("bench-profile.yaml", new StringReader(CallGenerator.profile(CallFormat.AIRCALL, calls, SEED)));
    }

    /** Opens the bytes as the CLI opens a file: gzip and format detected from the content. */
    static CallReader open(byte[] bytes) {
        return CallReaders.open(InputSource.of(NAME, new ByteArrayInputStream(bytes)), null);
    }

    static List<ReadResult> read(byte[] bytes) {
        List<ReadResult> records = new ArrayList<>();
        try (CallReader reader = open(bytes)) {
            reader.forEach(records::add);
        }
        return records;
    }

    static Auditor auditor(Profile profile) {
        return new Auditor(
                RuleSet.builtIn(),
                profile,
                profile.asOf() != null ? profile.asOf() : Instant.now(),
                new PhoneNumbers(profile.defaultRegion()));
    }

    static AuditResult audit(Profile profile, List<ReadResult> records) {
        return auditor(profile).audit(records);
    }
}
