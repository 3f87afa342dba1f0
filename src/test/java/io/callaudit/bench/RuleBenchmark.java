package io.callaudit.bench;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Auditor;
import io.callaudit.model.ReadResult;
import java.util.List;
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

/**
 * Rule evaluation: 10 000 already-read calls through {@link Auditor#audit}, which collapses duplicates, finds
 * parallel legs in its time window and runs every rule against the generated profile, keeping the results in
 * memory (the CLI's store spills past 20 000 calls: {@link PipelineBenchmark} covers that). Scores are calls per
 * second; reading and report writing are measured by {@link ReadBenchmark} and {@link ReportBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RuleBenchmark {

    static final int CALLS = 10_000;

    private Auditor auditor;
    private List<ReadResult> records;

    @Setup
    public void setUp() {
        records = BenchData.read(BenchData.ndjson(CALLS));
        auditor = BenchData.auditor(BenchData.profile(CALLS));
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public AuditResult audit() {
        return auditor.audit(records);
    }
}
