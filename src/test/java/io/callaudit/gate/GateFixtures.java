package io.callaudit.gate;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Auditor;
import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.Direction;
import io.callaudit.model.Profile;
import io.callaudit.model.ReadResult;
import io.callaudit.model.Rejection;
import io.callaudit.model.SourceRef;
import io.callaudit.profile.ProfileLoader;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One audit built through the real engine, and the fixture files under {@code src/test/resources/gate/}.
 *
 * <p>The audit of {@code profile.yaml} with {@link #calls()} has seven errors: four {@code plan.*} at
 * {@code recording.mode}, {@code recording.format} and {@code flows[0].mode} (twice), and
 * {@code gap.unexplained} on c1 (number 812, flow sales), c2 (812, support) and c3 (813, support); each
 * unrecorded call also has {@code ingest.no-recording} (info). c4 on 813 is recorded.
 */
final class GateFixtures {

    static final RuleSet RULES = RuleSet.builtIn();
    static final String CALLS = "calls.ndjson";
    static final int ERRORS = 7;

    private GateFixtures() {}

    static Profile profile() {
        try (Reader reader = resource("profile.yaml")) {
            return new ProfileLoader().load("profile.yaml", reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An inbound call answered after 5 s with 120 s of talk, read from line {@code line} of calls.ndjson. */
    static CallRecord call(String id, long line, String number, String flow, boolean recorded) {
        Instant start = Instant.parse("2026-11-18T10:00:00Z");
        CallRecord.Builder b = CallRecord.builder()
                .id(id)
                .direction(Direction.INBOUND)
                .status(CallStatus.ANSWERED)
                .startedAt(start)
                .answeredAt(start.plusSeconds(5))
                .endedAt(start.plusSeconds(125))
                .talkSeconds(120.0)
                .numberId(number)
                .flowId(flow)
                .userId("agent-" + id)
                .userEmail("ana@acme.example")
                .reachedAgent(true)
                .source(new SourceRef(CALLS, line));
        if (recorded) {
            b.recordingUrl("https://recordings.example/" + id + ".mp3")
                    .recordingSeconds(120.0)
                    .recordingCreatedAt(Instant.parse("2026-11-19T23:00:00Z"));
        }
        return b.build();
    }

    static List<ReadResult> calls() {
        List<ReadResult> out = new ArrayList<>();
        out.add(new ReadResult.Call(call("c1", 1, "812", "sales", false)));
        out.add(new ReadResult.Call(call("c2", 2, "812", "support", false)));
        out.add(new ReadResult.Call(call("c3", 3, "813", "support", false)));
        out.add(new ReadResult.Call(call("c4", 4, "813", null, true)));
        return out;
    }

    static AuditResult audit() {
        return audit(profile(), calls());
    }

    static AuditResult audit(Profile profile, List<ReadResult> records) {
        Instant asOf = profile.asOf() != null ? profile.asOf() : Instant.parse("2026-11-20T00:00:00Z");
        return new Auditor(RULES, profile, asOf, UnaryOperator.identity()).audit(records);
    }

    /** Every call of {@link #calls()}, plus a rejected record and a duplicated id, so every entity kind occurs. */
    static List<ReadResult> mixedRecords() {
        List<ReadResult> out = new ArrayList<>(calls());
        out.add(new ReadResult.Rejected(new Rejection(new SourceRef(CALLS, 5), "started_at", "not RFC 3339")));
        out.add(new ReadResult.Call(call("c2", 6, "812", "support", false)));
        return out;
    }

    static Waivers waivers(String name) {
        try (Reader reader = resource(name)) {
            return new WaiverLoader(RULES).load(name, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Waivers waivers(String yaml, String name) {
        return new WaiverLoader(RULES).load(name, new StringReader(yaml));
    }

    static Baseline baseline(String name) {
        try (InputStream in = stream(name)) {
            return new BaselineLoader().load(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reader resource(String name) {
        return new InputStreamReader(stream(name), StandardCharsets.UTF_8);
    }

    static InputStream stream(String name) {
        InputStream in = GateFixtures.class.getResourceAsStream("/gate/" + name);
        if (in == null) {
            throw new IllegalStateException("no test resource /gate/" + name);
        }
        return in;
    }

    /** The findings of {@code result} with {@code ruleId}, in report order. */
    static List<Finding> findings(AuditResult result, String ruleId) {
        return result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** The suppressed findings of {@code result}, as "rule entity" strings in report order. */
    static List<String> suppressed(AuditResult result) {
        return result.findings().stream()
                .filter(f -> result.suppression(f) != null)
                .map(f -> f.ruleId() + " " + f.entity())
                .toList();
    }
}
