package io.callaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Auditor;
import io.callaudit.engine.CallResult;
import io.callaudit.engine.Outcome;
import io.callaudit.engine.SealedResults;
import io.callaudit.ingest.CallReader;
import io.callaudit.ingest.CallReaders;
import io.callaudit.model.CallRecord;
import io.callaudit.model.Profile;
import io.callaudit.model.ReadResult;
import io.callaudit.model.SourceRef;
import io.callaudit.profile.ProfileLoader;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Sensitive;
import io.callaudit.rules.Severity;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Results read back from disk are the results that were written: every field, every finding argument. */
class SpillingResultStoreTest {

    @Test
    void should_give_back_exactly_what_it_spilled() throws Exception {
        Profile profile = new ProfileLoader().load(Path.of("examples/aircall/profile.yaml"));
        List<ReadResult> records = new ArrayList<>();
        try (CallReader reader = CallReaders.open("examples/aircall/calls.json", InputStream.nullInputStream(), null)) {
            reader.forEach(records::add);
        }
        AuditResult inMemory =
                new Auditor(RuleSet.builtIn(), profile, profile.asOf(), UnaryOperator.identity()).audit(records);
        AuditResult spilled = new Auditor(
                        RuleSet.builtIn(),
                        profile,
                        profile.asOf(),
                        UnaryOperator.identity(),
                        () -> new SpillingResultStore(RuleSet.builtIn(), 5))
                .audit(records);

        assertThat(spilled.calls()).isInstanceOf(SealedResults.class).hasSize(18);
        List<CallResult> iterated = new ArrayList<>(spilled.calls());
        for (int i = 0; i < 18; i++) {
            CallResult expected = inMemory.calls().get(i);
            for (CallResult actual : List.of(iterated.get(i), spilled.calls().get(i))) {
                assertThat(actual.id()).isEqualTo(expected.id());
                assertThat(actual.call().source()).isEqualTo(expected.call().source());
                assertThat(actual.outcome()).isEqualTo(expected.outcome());
                assertThat(actual.findings()).isEqualTo(expected.findings());
                assertThat(actual.ingestVerdict()).isEqualTo(expected.ingestVerdict());
            }
        }
        assertThat(spilled.calls().get(3).findings())
                .isEqualTo(inMemory.calls().get(3).findings());
        assertThat(spilled.summary(RuleSet.builtIn())).isEqualTo(inMemory.summary(RuleSet.builtIn()));
    }

    @Test
    void should_remove_its_file_when_the_result_is_closed() throws Exception {
        SpillingResultStore store = new SpillingResultStore(RuleSet.builtIn(), 0);
        Profile profile = new ProfileLoader().load(Path.of("examples/aircall/profile.yaml"));
        List<ReadResult> records = new ArrayList<>();
        try (CallReader reader = CallReaders.open("examples/aircall/calls.json", InputStream.nullInputStream(), null)) {
            reader.forEach(records::add);
        }
        AuditResult result = new Auditor(
                        RuleSet.builtIn(), profile, profile.asOf(), UnaryOperator.identity(), () -> store)
                .audit(records);
        long before = spillFiles();
        assertThat(result.calls()).hasSize(18);
        result.close();
        assertThat(spillFiles()).isEqualTo(before - 1);
    }

    /**
     * More distinct strings than the spill numbers (those past the dictionary are written out each time), and
     * findings whose call id or source is not their call's: all must come back as they went in.
     */
    @Test
    void should_give_back_repeated_and_distinct_strings_and_foreign_sources() {
        RuleSet rules = RuleSet.builtIn();
        SpillingResultStore store = new SpillingResultStore(rules, 0);
        List<CallResult> written = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            SourceRef source = new SourceRef(i % 2 == 0 ? "a.ndjson" : "b.ndjson", i + 1);
            CallRecord call =
                    CallRecord.builder().id("call-" + i).source(source).build();
            Finding finding = new Finding(
                    rules.get(i % 2 == 0 ? "gap.unanswered" : "input.duplicate-call"),
                    Severity.WARNING,
                    List.of("word-" + i % 5, (long) i, 4.5, new Sensitive(Sensitive.Kind.PHONE, "+3312345" + i)),
                    i % 3 == 0 ? "other-" + i : call.id(),
                    "number-" + i,
                    i % 4 == 0 ? null : "flow-" + i % 3,
                    i % 2 == 0 ? source : new SourceRef("c.ndjson", i),
                    null);
            CallResult result =
                    new CallResult(call, Outcome.values()[i % Outcome.values().length], List.of(finding), i % 2 == 0);
            store.add(result);
            written.add(result);
        }
        try (SealedResults read = store.seal()) {
            List<CallResult> back = new ArrayList<>(read);
            assertThat(back).hasSize(written.size());
            for (int i = 0; i < written.size(); i++) {
                assertThat(back.get(i).id()).isEqualTo(written.get(i).id());
                assertThat(back.get(i).call().source())
                        .isEqualTo(written.get(i).call().source());
                assertThat(back.get(i).outcome()).isEqualTo(written.get(i).outcome());
                assertThat(back.get(i).ingestionConfigured())
                        .isEqualTo(written.get(i).ingestionConfigured());
                assertThat(back.get(i).findings())
                        .as("call %d", i)
                        .isEqualTo(written.get(i).findings());
            }
        }
    }

    private static long spillFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("callaudit-results"))
                    .count();
        }
    }
}
