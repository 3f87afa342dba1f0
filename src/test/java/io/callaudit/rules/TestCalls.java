package io.callaudit.rules;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.CallResult;
import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.Direction;
import io.callaudit.model.Profile;
import io.callaudit.model.ReadResult;
import io.callaudit.model.SourceRef;
import io.callaudit.profile.ProfileLoader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Calls and profiles built in code, for tests that need one precise situation rather than a fixture folder. */
final class TestCalls {

    static final String FILE = "calls.ndjson";

    private TestCalls() {}

    static Profile profile(String yaml) {
        return new ProfileLoader().load("profile.yaml", new StringReader(yaml));
    }

    /** An inbound call on number 812, answered 10 s after it started, with {@code talkSeconds} of talk. */
    static CallRecord.Builder answered(String id, String startedAt, double talkSeconds) {
        Instant start = Instant.parse(startedAt);
        Instant answer = start.plusSeconds(10);
        return CallRecord.builder()
                .id(id)
                .direction(Direction.INBOUND)
                .status(CallStatus.ANSWERED)
                .startedAt(start)
                .answeredAt(answer)
                .endedAt(answer.plusMillis(Math.round(talkSeconds * 1000)))
                .talkSeconds(talkSeconds)
                .numberId("812")
                .userId("agent-" + id)
                .userEmail("ana@acme.example")
                .source(new SourceRef(FILE, 1));
    }

    /** An inbound call on number 812 that rang 20 s and was never answered. */
    static CallRecord.Builder missed(String id, String startedAt) {
        Instant start = Instant.parse(startedAt);
        return CallRecord.builder()
                .id(id)
                .direction(Direction.INBOUND)
                .status(CallStatus.MISSED)
                .startedAt(start)
                .endedAt(start.plusSeconds(20))
                .talkSeconds(0.0)
                .numberId("812")
                .userId("agent-" + id)
                .userEmail("ana@acme.example")
                .source(new SourceRef(FILE, 1));
    }

    static String url(String id) {
        return "https://recordings.example/" + id + ".mp3";
    }

    static List<ReadResult> records(CallRecord... calls) {
        List<ReadResult> out = new ArrayList<>();
        for (CallRecord c : calls) {
            out.add(new ReadResult.Call(c));
        }
        return out;
    }

    static AuditResult audit(Profile profile, CallRecord... calls) {
        return RuleFixtures.audit(profile, records(calls));
    }

    /** The audit of a single call. */
    static CallResult auditOne(Profile profile, CallRecord call) {
        return audit(profile, call).calls().get(0);
    }

    static List<String> reasonIds(CallResult call) {
        return call.reasons().stream().map(Finding::ruleId).toList();
    }

    static List<String> ingestIds(CallResult call) {
        return call.ingestReasons().stream().map(Finding::ruleId).toList();
    }

    static Finding finding(CallResult call, String ruleId) {
        return call.findings().stream()
                .filter(f -> f.ruleId().equals(ruleId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + ruleId + " on " + call.id() + ": " + call.findings()));
    }
}
