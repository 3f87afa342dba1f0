package io.callaudit.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callaudit.audit.AuditService;
import io.callaudit.audit.ExitStatus;
import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Summary;
import io.callaudit.ingest.InputSource;
import io.callaudit.model.Profile;
import io.callaudit.profile.ProfileException;
import io.callaudit.profile.ProfileLoader;
import io.callaudit.report.ReportContext;
import io.callaudit.report.ReportFormat;
import io.callaudit.rules.Messages;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The Lambda face: for each object an invocation names, find its profile, stream it through the same
 * {@link AuditService} the CLI uses, write the JSON report and the Markdown summary (and the HTML report when
 * the settings ask for it) under the output prefix,
 * and answer with the counts and the CLI's exit status. No rule logic lives here.
 *
 * <p>Safe by construction: output keys and profiles are skipped, never audited; report keys depend only on
 * the object's identity, so a redelivered event overwrites its own reports; a malformed record is a
 * rejection in the report; an object or profile that cannot be read fails the invocation, after the other
 * objects of the event were audited, so Lambda retries it and finally hands it to the failure destination.
 *
 * <p>{@code @Singleton}, not {@code @ApplicationScoped}: a client proxy would make Quarkus rewrite the class to
 * add a no-argument constructor, and the legacy jar the Lambda extension builds then holds the class twice
 * (original and rewritten) under one name, leaving it to whatever unpacks {@code function.zip} which one
 * wins. A singleton needs no proxy, and the function has nothing to gain from lazy creation.
 */
@Singleton
public class S3AuditService {

    private static final Logger LOG = Logger.getLogger(S3AuditService.class);

    /** The name for the metrics' dimension when the runtime gives none (local runs, tests). */
    static final String DEFAULT_FUNCTION = "callaudit";

    private final S3Store store;
    private final ObjectMapper mapper;
    private final Settings settings;
    private final AuditService audits = new AuditService();
    private final ProfileLoader profiles = new ProfileLoader();
    private final String version = BuildVersion.get();
    /** Stack traces of internal errors in the log, only when {@value ExitStatus#DEBUG_ENV} asks for them. */
    private final boolean debug = ExitStatus.debugRequested(System.getenv(ExitStatus.DEBUG_ENV));

    S3AuditService(S3Store store, ObjectMapper mapper, FunctionConfig config) {
        this.store = store;
        this.mapper = mapper;
        this.settings = Settings.of(config);
    }

    /**
     * Handles one invocation payload.
     *
     * @return an {@link ObjectResult} when the invocation named one object, else an {@link EventResult}
     * @throws AuditFailedException when any object could not be audited (the others are done), or when the
     *         payload is neither an S3 event nor a direct invocation
     */
    public Object handle(JsonNode payload, Context context) {
        String function =
                context == null || context.getFunctionName() == null ? DEFAULT_FUNCTION : context.getFunctionName();
        String requestId = context == null ? null : context.getAwsRequestId();
        MDC.put("requestId", requestId == null ? "-" : requestId);
        try {
            Invocation invocation;
            try {
                invocation = Invocation.parse(payload, mapper);
            } catch (IllegalArgumentException e) {
                LOG.errorf("invalid invocation (exit %d): %s", ExitStatus.USAGE.code(), e.getMessage());
                throw AuditFailedException.invalidPayload(e.getMessage());
            }
            if (invocation instanceof Invocation.S3Notification n
                    && !n.ignored().isEmpty()) {
                LOG.warnf(
                        "ignored %d record(s) that are not object creations: %s",
                        n.ignored().size(), n.ignored());
            }
            List<ObjectResult> results = new ArrayList<>();
            List<AuditFailedException.Failure> failures = new ArrayList<>();
            for (ObjectRef object : invocation.objects()) {
                MDC.put("bucket", object.bucket());
                MDC.put("key", object.key());
                try {
                    results.add(audit(object, function, requestId));
                } catch (RuntimeException | Error e) {
                    // An exhausted heap or stack ends this object's audit with exit 4, not the runtime's crash.
                    failures.add(failure(object, e));
                } finally {
                    MDC.remove("bucket");
                    MDC.remove("key");
                }
            }
            if (!failures.isEmpty()) {
                throw new AuditFailedException(failures, results.size());
            }
            return invocation.objects().size() == 1 ? results.get(0) : EventResult.of(results);
        } finally {
            MDC.remove("requestId");
        }
    }

    private ObjectResult audit(ObjectRef object, String function, String requestId) {
        long started = System.nanoTime();
        Prefixes prefixes = settings.prefixes();
        if (prefixes.isOutput(object.key())) {
            LOG.info("skipped: the key is under the output prefix, a report of this function");
            return ObjectResult.skipped(
                    object.uri(),
                    "under the output prefix '" + prefixes.output() + "': the function's own output is never audited");
        }
        if (ProfileLocator.isProfile(object.key())) {
            LOG.info("skipped: the key is a profile");
            return ObjectResult.skipped(object.uri(), "a profile, not a call-log batch");
        }
        if (!prefixes.isInput(object.key())) {
            throw new Refused(
                    ExitStatus.USAGE,
                    "not under the input prefix '" + prefixes.input() + "'; the function audits only objects there");
        }
        Profile profile = profile(object);
        S3Store.OpenObject body = store.open(object.bucket(), object.key(), object.versionId());
        ReportKeys keys = ReportKeys.of(prefixes, object.bucket(), object.key(), body.version());
        ExitStatus exit;
        Summary summary;
        // Closing the result removes its spilled calls: a warm function audits batch after batch.
        try (AuditResult result = audits.audit(profile, List.of(InputSource.of(object.key(), body.body())), null)) {
            writeReports(object.bucket(), keys, result);
            exit = result.failsAt(settings.failOn()) ? ExitStatus.FINDINGS : ExitStatus.PASS;
            summary = result.summary(audits.rules());
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("requestId", requestId);
        properties.put("bucket", object.bucket());
        properties.put("key", object.key());
        properties.put("exitCode", exit.code());
        MetricsLine.emit(
                MetricsLine.render(Instant.now(), function, MetricsLine.metrics(summary, durationMs), properties));
        LOG.infof(
                "audited: %d records, %d calls, %d rejected, exit %d in %d ms; report %s",
                summary.recordsRead(),
                summary.calls(),
                summary.rejected(),
                exit.code(),
                durationMs,
                ObjectRef.uri(object.bucket(), keys.json()));
        return ObjectResult.audited(
                exit,
                object.uri(),
                summary,
                ObjectRef.uri(object.bucket(), keys.json()),
                ObjectRef.uri(object.bucket(), keys.markdown()),
                settings.html() ? ObjectRef.uri(object.bucket(), keys.html()) : null);
    }

    /** The configured profile, or the nearest one up the object's prefix. */
    private Profile profile(ObjectRef object) {
        List<String> candidates = ProfileLocator.candidates(settings.prefixes(), object.key(), settings.profileKey());
        for (String key : candidates) {
            Optional<InputStream> found = store.openIfExists(object.bucket(), key);
            if (found.isPresent()) {
                try (Reader reader = new InputStreamReader(found.get(), StandardCharsets.UTF_8)) {
                    LOG.debugf("profile %s", key);
                    return profiles.load(key, reader);
                } catch (IOException e) {
                    throw new ProfileException(key, 0, null, "cannot read profile: " + e.getMessage(), e);
                }
            }
        }
        throw new Refused(
                ExitStatus.USAGE,
                settings.profileKey() != null
                        ? "the configured profile '" + ObjectRef.uri(object.bucket(), settings.profileKey())
                                + "' does not exist"
                        : "no profile: none of " + candidates + " exists; put a " + ProfileLocator.FILE_NAME
                                + " beside the batch or in a parent folder, or set CALLAUDIT_LAMBDA_PROFILE_KEY");
    }

    /**
     * Renders the reports (JSON, Markdown, and HTML when asked) to local files, then uploads them: a large
     * batch's report never sits in the heap.
     */
    private void writeReports(String bucket, ReportKeys keys, AuditResult result) {
        ReportContext ctx =
                new ReportContext(audits.rules(), Messages.english(), settings.redact(), settings.failOn(), version);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("callaudit-");
            Path json = render(dir.resolve("report.json"), ReportFormat.JSON, result, ctx);
            Path markdown = render(dir.resolve("report.md"), ReportFormat.MARKDOWN, result, ctx);
            store.put(bucket, keys.json(), json, "application/json");
            store.put(bucket, keys.markdown(), markdown, "text/markdown; charset=utf-8");
            if (settings.html()) {
                Path html = render(dir.resolve("report.html"), ReportFormat.HTML, result, ctx);
                store.put(bucket, keys.html(), html, "text/html; charset=utf-8");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to local storage", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static Path render(Path file, ReportFormat format, AuditResult result, ReportContext ctx)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            format.writer().write(result, ctx, out);
        }
        return file;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // /tmp is per sandbox and emptied with it; a leftover file costs nothing worth failing for.
        }
    }

    /**
     * What a failure means for the exit-code contract ({@link ExitStatus#of}, the CLI's mapping), logged
     * without personal data: an internal error's one line never quotes the exception's message.
     */
    private AuditFailedException.Failure failure(ObjectRef object, Throwable e) {
        ExitStatus status = ExitStatus.of(e);
        String problem;
        if (status == ExitStatus.INTERNAL) {
            problem = ExitStatus.describe(e);
            if (debug) {
                RuntimeException logged = new RuntimeException(e.getClass().getName());
                logged.setStackTrace(e.getStackTrace());
                LOG.errorf(logged, "audit failed (exit %d): %s", status.code(), problem);
            } else {
                LOG.errorf("audit failed (exit %d): %s", status.code(), problem);
            }
        } else {
            problem =
                    LogSafe.redact(e.getMessage() == null ? e.toString() : e.getMessage(), object.uri(), object.key());
            LOG.errorf("audit failed (exit %d): %s", status.code(), problem);
        }
        return new AuditFailedException.Failure(object.uri(), status, problem);
    }

    /** A refusal decided here rather than by the audit core, with its exit status. */
    private static final class Refused extends RuntimeException implements ExitStatus.Known {

        private static final long serialVersionUID = 1L;

        private final transient ExitStatus status;

        Refused(ExitStatus status, String message) {
            super(message);
            this.status = status;
        }

        @Override
        public ExitStatus exitStatus() {
            return status;
        }
    }
}
