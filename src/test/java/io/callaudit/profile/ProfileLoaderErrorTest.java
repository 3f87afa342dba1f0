package io.callaudit.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.callaudit.model.ProfileLocation;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a profile can be wrong must name file, line and key, because the user has to find and fix it. */
class ProfileLoaderErrorTest {

    private final ProfileLoader loader = new ProfileLoader();

    private ProfileException fails(String yaml) {
        return catchThrowableOfType(ProfileException.class, () -> loader.load("profile.yaml", new StringReader(yaml)));
    }

    private ProfileException fails(Path path) {
        return catchThrowableOfType(ProfileException.class, () -> loader.load(path));
    }

    @Test
    void unknownKeySuggestsTheClosestKnownKey() {
        Path path = ProfileLoaderTest.fixture("unknown-key.yaml");

        ProfileException e = fails(path);

        assertThat(e.getMessage()).isEqualTo(path + ":2: recordng: unknown key 'recordng' (did you mean 'recording'?)");
        assertThat(e.location()).isEqualTo(new ProfileLocation(path.toString(), 2, "recordng"));
    }

    @Test
    void unknownNestedKeyNamesItsFullPath() {
        ProfileException e = fails("""
                provider: aircall
                numbers:
                  - id: "812"
                  - id: "813"
                    recrod_inbound: false
                """);

        assertThat(e.getMessage())
                .isEqualTo("profile.yaml:5: numbers[1].recrod_inbound: unknown key"
                        + " 'recrod_inbound' (did you mean 'record_inbound'?)");
    }

    @Test
    void unknownKeyFarFromAnyKnownKeyHasNoSuggestion() {
        ProfileException e = fails("provider: aircall\ncolour: red\n");

        assertThat(e.getMessage()).isEqualTo("profile.yaml:2: colour: unknown key 'colour'");
    }

    @Test
    void duplicateKeyNamesBothLines() {
        ProfileException e = fails("""
                provider: aircall
                recording:
                  format: mp3
                  format: wav
                """);

        assertThat(e.getMessage())
                .isEqualTo("profile.yaml:4: recording.format: duplicate key 'format' (first at line 3)");
    }

    @Test
    void listWhereAMappingBelongs() {
        ProfileException e = fails("""
                provider: aircall
                recording:
                  - enabled
                """);

        assertThat(e.getMessage()).isEqualTo("profile.yaml:2: recording: expected a mapping, got a list");
    }

    @Test
    void mappingWhereAListBelongs() {
        ProfileException e = fails("provider: aircall\nnumbers: {id: \"812\"}\n");

        assertThat(e.getMessage()).isEqualTo("profile.yaml:2: numbers: expected a list, got a mapping");
    }

    @Test
    void boolAcceptsOnlyTrueOrFalse() {
        ProfileException prose = fails("provider: aircall\nrecording:\n  enabled: yes please\n");
        ProfileException yaml11 = fails("provider: aircall\nnumbers_complete: yes\n");
        ProfileException quoted = fails("provider: aircall\nnumbers_complete: \"true\"\n");

        assertThat(prose.getMessage())
                .isEqualTo("profile.yaml:3: recording.enabled: expected true or false, got 'yes please'");
        assertThat(yaml11.getMessage())
                .isEqualTo("profile.yaml:2: numbers_complete: expected true or false, got 'yes'");
        assertThat(quoted.getMessage())
                .isEqualTo("profile.yaml:2: numbers_complete: expected true or false,"
                        + " got \"true\" (quoted text) (remove the quotes)");
    }

    @Test
    void numbersMustBePositiveWholeNumbers() {
        ProfileException zero = fails("provider: aircall\nrecording:\n  retention_days: 0\n");
        ProfileException fraction = fails("provider: aircall\nrecording:\n  url_ttl_hours: 1.5\n");
        ProfileException nested = fails("""
                provider: exotel
                plan: enterprise
                recording:
                  selective_retention:
                    - {criteria: flow, value: sales, days: ninety}
                """);

        assertThat(zero.getMessage())
                .isEqualTo("profile.yaml:3: recording.retention_days: expected a positive whole number, got '0'");
        assertThat(fraction.getMessage())
                .isEqualTo("profile.yaml:3: recording.url_ttl_hours: expected a positive whole number, got '1.5'");
        assertThat(nested.getMessage())
                .isEqualTo("profile.yaml:5: recording.selective_retention[0].days:"
                        + " expected a positive whole number, got 'ninety'");
    }

    @Test
    void instantsOutsideTheYearsACallCanHaveAreRefused() {
        ProfileException far = fails("provider: aircall\nas_of: +999999999-01-01T00:00:00Z\n");
        ProfileException early = fails("provider: aircall\ncancelled_at: 1969-12-31T23:59:59Z\n");
        ProfileException after = fails("provider: aircall\nas_of: 2201-01-01T00:00:00Z\n");

        assertThat(far.getMessage())
                .isEqualTo("profile.yaml:2: as_of: out of range: '+999999999-01-01T00:00:00Z' (years 1970 to 2200)");
        assertThat(early.getMessage()).startsWith("profile.yaml:2: cancelled_at: out of range");
        assertThat(after.getMessage()).startsWith("profile.yaml:2: as_of: out of range");
        assertThat(loader.load("profile.yaml", new StringReader("provider: aircall\nas_of: 2200-12-31T23:59:59Z\n"))
                        .asOf())
                .isEqualTo(java.time.Instant.parse("2200-12-31T23:59:59Z"));
    }

    @Test
    void datesAndCountsOutOfRangeAreRefused() {
        ProfileException date = fails("provider: ctm\npurges: [{from: 1900-01-01, to: 1900-01-31}]\n");
        ProfileException days = fails("provider: aircall\nrecording:\n  retention_days: 2000000000\n");
        ProfileException huge = fails("provider: aircall\nrecording:\n  retention_days: 99999999999999999999\n");
        ProfileException hours = fails("provider: aircall\nrecording:\n  url_ttl_hours: 900000\n");
        ProfileException seconds = fails("provider: aircall\ningestion:\n  min_seconds: 604801\n");

        assertThat(date.getMessage())
                .isEqualTo("profile.yaml:2: purges[0].from: out of range: '1900-01-01' (years 1970 to 2200)");
        assertThat(days.getMessage())
                .isEqualTo("profile.yaml:3: recording.retention_days: out of range: 2000000000 (at most 36525)");
        assertThat(huge.getMessage()).startsWith("profile.yaml:3: recording.retention_days: ");
        assertThat(hours.getMessage()).startsWith("profile.yaml:3: recording.url_ttl_hours: out of range");
        assertThat(seconds.getMessage()).startsWith("profile.yaml:3: ingestion.min_seconds: out of range");
    }

    @Test
    void badDate() {
        ProfileException e = fails("""
                provider: ctm
                purges:
                  - from: 2026-01-01
                    to: 2026-01-31
                  - from: 2026-02-30
                    to: 2026-03-01
                """);

        assertThat(e.getMessage())
                .isEqualTo("profile.yaml:5: purges[1].from: expected a date YYYY-MM-DD, got '2026-02-30'");
    }

    @Test
    void purgeEndingBeforeItStarts() {
        ProfileException e = fails("provider: ctm\npurges: [{from: 2026-02-01, to: 2026-01-31}]\n");

        assertThat(e.getMessage())
                .isEqualTo("profile.yaml:2: purges[0].to: 'to' 2026-01-31 is before 'from' 2026-02-01");
    }

    @Test
    void badInstant() {
        ProfileException prose = fails("provider: aircall\nas_of: yesterday\n");
        ProfileException dateOnly = fails("""
                provider: aircall
                numbers:
                  - id: "812"
                    deleted_at: 2026-03-01
                """);

        assertThat(prose.getMessage())
                .startsWith("profile.yaml:2: as_of: expected an RFC 3339 date-time")
                .endsWith("got 'yesterday'");
        assertThat(dateOnly.getMessage())
                .startsWith("profile.yaml:4: numbers[0].deleted_at: expected an RFC 3339")
                .endsWith("got '2026-03-01'");
    }

    @Test
    void badEnumValueListsTheChoices() {
        Path path = ProfileLoaderTest.fixture("bad-enum.yaml");

        ProfileException e = fails(path);

        assertThat(e.getMessage()).isEqualTo(path + ":7: recording.format: unknown value 'flac' (expected mp3 | wav)");
        assertThat(e.problem()).isEqualTo("unknown value 'flac' (expected mp3 | wav)");
    }

    @Test
    void badEnumInAFlowListsTheChoices() {
        ProfileException e = fails("""
                provider: exotel
                plan: growth
                flows:
                  - {id: sales, mode: dual}
                  - {id: support, mode: stereo}
                """);

        assertThat(e.getMessage())
                .isEqualTo("profile.yaml:5: flows[1].mode: unknown value 'stereo' (expected single | dual)");
    }

    @Test
    void missingProvider() {
        ProfileException e = fails("plan: growth\ntimezone: UTC\n");

        assertThat(e.getMessage())
                .isEqualTo("profile.yaml:1: provider: required key is missing (expected aircall | exotel | ctm)");
    }

    @Test
    void nullProvider() {
        ProfileException e = fails("timezone: UTC\nprovider: ~\n");

        assertThat(e.getMessage())
                .isEqualTo("profile.yaml:2: provider: required value is null (expected aircall | exotel | ctm)");
    }

    @Test
    void exotelWithoutPlanPointsAtTheProvider() {
        ProfileException e = fails("timezone: UTC\nprovider: exotel\n");

        assertThat(e.getMessage()).isEqualTo("profile.yaml:2: plan: plan is required for provider exotel");
    }

    @Test
    void exotelWithNullPlanPointsAtThePlan() {
        ProfileException e = fails("provider: exotel\ntimezone: UTC\nplan: null\n");

        assertThat(e.getMessage()).isEqualTo("profile.yaml:3: plan: plan is required for provider exotel");
    }

    @Test
    void duplicateNumberIdNamesTheSecondOne() {
        Path path = ProfileLoaderTest.fixture("duplicate-number-id.yaml");

        ProfileException e = fails(path);

        assertThat(e.getMessage()).isEqualTo(path + ":6: numbers[2].id: duplicate number id '812' (first at line 3)");
    }

    @Test
    void duplicateNumberIdAcrossIntAndString() {
        ProfileException e = fails("provider: aircall\nnumbers: [{id: 812}, {id: \"812\"}]\n");

        assertThat(e.getMessage())
                .isEqualTo("profile.yaml:2: numbers[1].id: duplicate number id '812' (first at line 2)");
    }

    @Test
    void numberNeedsIdOrDigits() {
        ProfileException e = fails("""
                provider: aircall
                numbers:
                  - id: "812"
                  - record_inbound: false
                """);

        assertThat(e.getMessage())
                .isEqualTo(
                        "profile.yaml:4: numbers[1]: a number needs an 'id' or 'digits' to be matched against calls");
    }

    @Test
    void nullListItem() {
        ProfileException e = fails("provider: aircall\nflows:\n  -\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("profile.yaml:3: flows[0]: expected a mapping");
    }

    @Test
    void missingRequiredKeyInAListItem() {
        ProfileException e = fails("provider: exotel\nplan: growth\nflows:\n  - {record: true}\n");

        assertThat(e.getMessage()).isEqualTo("profile.yaml:4: flows[0].id: required key is missing");
    }

    @Test
    void notAMapping() {
        Path path = ProfileLoaderTest.fixture("not-a-mapping.yaml");

        ProfileException e = fails(path);

        assertThat(e.getMessage()).isEqualTo(path + ":1: profile must be a mapping of keys to values, got a list");
        assertThat(e.key()).isNull();
    }

    @Test
    void scalarDocumentIsNotAMapping() {
        ProfileException e = fails("aircall\n");

        assertThat(e.getMessage())
                .isEqualTo("profile.yaml:1: profile must be a mapping of keys to values, got 'aircall'");
    }

    @Test
    void emptyFile() {
        Path path = ProfileLoaderTest.fixture("empty.yaml");

        ProfileException e = fails(path);

        assertThat(e.getMessage())
                .isEqualTo(path + ":1: profile is empty (expected a mapping with at least 'provider')");
    }

    @Test
    void commentsOnlyIsEmpty() {
        ProfileException e = fails("# nothing yet\n");

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).startsWith("profile is empty");
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path path = dir.resolve("nope.yaml");

        ProfileException e = fails(path);

        assertThat(e.getMessage()).isEqualTo(path + ": cannot read profile: no such file");
        assertThat(e.file()).isEqualTo(path.toString());
        assertThat(e.line()).isZero();
        assertThat(e.key()).isNull();
    }

    @Test
    void directoryIsNotAProfile(@TempDir Path dir) {
        ProfileException e = fails(dir);

        assertThat(e.getMessage()).isEqualTo(dir + ": cannot read profile: is a directory");
    }

    @Test
    void invalidUtf8IsAReadError(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("latin1.yaml");
        Files.write(path, "provider: aircall\ndefault_region: \u00c9\n".getBytes(StandardCharsets.ISO_8859_1));

        ProfileException e = fails(path);

        assertThat(e.getMessage()).isEqualTo(path + ": cannot read profile: not valid UTF-8");
    }

    @Test
    void oversizedFileIsRejectedBeforeItIsParsed() {
        String huge = "provider: aircall\ndeleted_audio: [" + "x".repeat(ProfileLoader.CODE_POINT_LIMIT) + "]\n"
                + "plan: growth\n";

        ProfileException e = fails(huge);

        assertThat(e.line()).isZero();
        assertThat(e.getMessage()).startsWith("profile.yaml: invalid YAML: ").contains("exceeds the limit");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        ProfileException e = fails("provider: aircall\nrecording:\n  format: mp3\n   mode: dual\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("profile.yaml:4: invalid YAML: ");
    }

    @Test
    void multipleDocumentsAreRejected() {
        ProfileException e = fails("provider: aircall\n---\nprovider: ctm\n");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage())
                .isEqualTo("profile.yaml:2: invalid YAML: expected a single document in the"
                        + " stream, but found another document");
    }

    @Test
    void anchorsAndAliasesAreRejected() {
        ProfileException e = fails("""
                provider: aircall
                numbers:
                  - &base {id: "812", record_inbound: false}
                  - *base
                """);

        assertThat(e.getMessage()).startsWith("profile.yaml:3: numbers[0]: anchors and aliases are not supported");
    }

    @Test
    void tagsAreRejected() {
        ProfileException local = fails("provider: aircall\nrecording: !settings {enabled: true}\n");
        ProfileException standard = fails("provider: aircall\nnumbers_complete: !!str true\n");
        ProfileException global = fails("provider: aircall\nplan: !<tag:example.com,2026:plan> growth\n");

        assertThat(local.getMessage())
                .startsWith("profile.yaml:2: recording: YAML tags are not supported" + " (found '!settings')");
        assertThat(standard.getMessage())
                .startsWith("profile.yaml:2: numbers_complete: YAML tags are not" + " supported (found '!!str')");
        assertThat(global.getMessage())
                .startsWith("profile.yaml:2: plan: YAML tags are not supported"
                        + " (found '!<tag:example.com,2026:plan>')");
    }

    @Test
    void badTimezone() {
        ProfileException e = fails("provider: aircall\ntimezone: Mars/Olympus\n");

        assertThat(e.getMessage()).startsWith("profile.yaml:2: timezone: unknown time zone 'Mars/Olympus'");
    }

    @Test
    void regionMustBeAnUpperCaseIsoCode() {
        ProfileException lower = fails("provider: aircall\ndefault_region: in\n");
        ProfileException unknown = fails("provider: aircall\ndefault_region: UK\n");

        assertThat(lower.getMessage())
                .isEqualTo("profile.yaml:2: default_region: region must be upper case (did you mean 'IN'?)");
        assertThat(unknown.getMessage()).startsWith("profile.yaml:2: default_region: unknown region 'UK'");
    }

    @Test
    void regionNoIsNorwayNotFalse() {
        assertThat(loader.load("profile.yaml", new StringReader("provider: aircall\ndefault_region: NO\n"))
                        .defaultRegion())
                .isEqualTo("NO");
    }

    @Test
    void emptyTextIsRejected() {
        ProfileException e = fails("provider: ctm\ndeleted_audio: [\"CTM-1\", \"\"]\n");

        assertThat(e.getMessage()).startsWith("profile.yaml:2: deleted_audio[1]: must not be empty");
    }

    @Test
    void connectedWindowMustEndAfterItStarts() {
        ProfileException e = fails("""
                provider: aircall
                ingestion:
                  connected:
                    - from: 2026-06-01T00:00:00Z
                      to: 2026-05-01T00:00:00Z
                """);

        assertThat(e.getMessage()).startsWith("profile.yaml:5: ingestion.connected[0].to: 'to' ");
    }

    @Test
    void ingestionUserNeedsAnEmail() {
        ProfileException missing = fails("provider: aircall\ningestion:\n  users: [{seat: recording}]\n");
        ProfileException notEmail = fails("provider: aircall\ningestion:\n  users: [{email: ana}]\n");

        assertThat(missing.getMessage()).isEqualTo("profile.yaml:3: ingestion.users[0].email: required key is missing");
        assertThat(notEmail.getMessage())
                .isEqualTo("profile.yaml:3: ingestion.users[0].email: expected an email address, got 'ana'");
    }

    @Test
    void suggestionDistanceCountsASwapAsOneEdit() {
        assertThat(YamlMapping.distance("recodring", "recording")).isEqualTo(1);
        assertThat(YamlMapping.distance("recordng", "recording")).isEqualTo(1);
        assertThat(YamlMapping.distance("plna", "plan")).isEqualTo(1);
        assertThat(YamlMapping.distance("", "id")).isEqualTo(2);
    }
}
