package io.callaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Auditor;
import io.callaudit.engine.CallResult;
import io.callaudit.engine.SealedResults;
import io.callaudit.ingest.CallReader;
import io.callaudit.ingest.CallReaders;
import io.callaudit.model.Profile;
import io.callaudit.model.ReadResult;
import io.callaudit.profile.ProfileLoader;
import io.callaudit.rules.RuleSet;
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
        try (CallReader reader = CallReaders.open("examples/aircall/calls.json", InputStream.nullInputStream(),
                null)) {
            reader.forEach(records::add);
        }
        AuditResult inMemory = new Auditor(RuleSet.builtIn(), profile, profile.asOf(), UnaryOperator.identity())
                .audit(records);
        AuditResult spilled = new Auditor(RuleSet.builtIn(), profile, profile.asOf(), UnaryOperator.identity(),
                () -> new SpillingResultStore(RuleSet.builtIn(), 5)).audit(records);

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
        assertThat(spilled.calls().get(3).findings()).isEqualTo(inMemory.calls().get(3).findings());
        assertThat(spilled.summary(RuleSet.builtIn())).isEqualTo(inMemory.summary(RuleSet.builtIn()));
    }

    @Test
    void should_remove_its_file_when_the_result_is_closed() throws Exception {
        SpillingResultStore store = new SpillingResultStore(RuleSet.builtIn(), 0);
        Profile profile = new ProfileLoader().load(Path.of("examples/aircall/profile.yaml"));
        List<ReadResult> records = new ArrayList<>();
        try (CallReader reader = CallReaders.open("examples/aircall/calls.json", InputStream.nullInputStream(),
                null)) {
            reader.forEach(records::add);
        }
        AuditResult result = new Auditor(RuleSet.builtIn(), profile, profile.asOf(), UnaryOperator.identity(),
                () -> store).audit(records);
        long before = spillFiles();
        assertThat(result.calls()).hasSize(18);
        result.close();
        assertThat(spillFiles()).isEqualTo(before - 1);
    }

    private static long spillFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("callaudit-results")).count();
        }
    }
}
