package io.callaudit.bench;

import io.callaudit.ingest.CallReader;
import io.callaudit.model.ReadResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading: 10 000 generated Aircall call objects (~1 KB each, NDJSON) from memory through
 * {@code CallReaders}, plain and gzip, format detected as the CLI detects it. Scores are records per second.
 * No disk is involved, so this is the reader's own ceiling; bench/run.sh measures the whole process.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReadBenchmark {

    static final int CALLS = 10_000;

    private byte[] plain;
    private byte[] gzip;

    @Setup
    public void setUp() {
        plain = BenchData.ndjson(CALLS);
        gzip = BenchData.gzip(plain);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void readPlain(Blackhole bh) {
        consume(plain, bh);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void readGzip(Blackhole bh) {
        consume(gzip, bh);
    }

    private static void consume(byte[] bytes, Blackhole bh) {
        try (CallReader reader = BenchData.open(bytes)) {
            for (ReadResult r : reader) {
                bh.consume(r);
            }
        }
    }
}
