package io.callaudit.bench;

import io.callaudit.engine.AuditResult;
import io.callaudit.report.ReportContext;
import io.callaudit.report.ReportFormat;
import io.callaudit.report.ReportWriter;
import io.callaudit.rules.Messages;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Severity;
import java.io.IOException;
import java.io.OutputStream;
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
 * Report writing: the JSON report of a 10 000-call audit (every call, every finding, messages rendered) to a
 * stream that discards it, so the score is the writer's own cost in calls per second, without the disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReportBenchmark {

    static final int CALLS = 10_000;

    private AuditResult result;
    private ReportContext context;
    private final OutputStream sink = OutputStream.nullOutputStream();

    @Setup
    public void setUp() {
        result = BenchData.audit(BenchData.profile(CALLS), BenchData.read(BenchData.ndjson(CALLS)));
        context = new ReportContext(RuleSet.builtIn(), Messages.english(), false, Severity.ERROR, "bench");
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void writeJson() throws IOException {
        ReportWriter writer = ReportFormat.JSON.writer();
        writer.write(result, context, sink);
    }
}
