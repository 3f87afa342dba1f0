package io.callaudit.bench;

import io.callaudit.audit.AuditService;
import io.callaudit.engine.AuditResult;
import io.callaudit.ingest.InputSource;
import io.callaudit.model.Profile;
import io.callaudit.report.ReportContext;
import io.callaudit.report.ReportFormat;
import io.callaudit.rules.Messages;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 * The whole audit in one process, warm: 100 000 generated Aircall calls from memory through
 * {@link AuditService#audit(Profile, List, io.callaudit.ingest.InputFormat)} (the path the CLI and the Lambda
 * share: the reading thread, the window, the rules, the result store, which spills past 20 000 calls) and the
 * JSON report to a null stream. Scores are calls per second. Against bench/run.sh's figures, the difference is
 * JVM start-up, JIT warm-up and the disk; against the sum of the other benchmarks, it is the window and the
 * result store, which only a batch this size exercises.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 4, time = 10)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PipelineBenchmark {

    static final int CALLS = 100_000;

    private final AuditService service = new AuditService();
    private final OutputStream sink = OutputStream.nullOutputStream();
    private Profile profile;
    private ReportContext context;
    private byte[] plain;
    private byte[] gzip;

    @Setup
    public void setUp() {
        plain = BenchData.ndjson(CALLS);
        gzip = BenchData.gzip(plain);
        profile = BenchData.profile(CALLS);
        context = new ReportContext(RuleSet.builtIn(), Messages.english(), false, Severity.ERROR, "bench");
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void auditPlainToJson() throws IOException {
        auditToJson(plain);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void auditGzipToJson() throws IOException {
        auditToJson(gzip);
    }

    private void auditToJson(byte[] bytes) throws IOException {
        AuditResult result =
                service.audit(profile, List.of(InputSource.of(BenchData.NAME, new ByteArrayInputStream(bytes))), null);
        ReportFormat.JSON.writer().write(result, context, sink);
    }
}
