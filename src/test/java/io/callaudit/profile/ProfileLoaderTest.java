package io.callaudit.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.model.AudioFormat;
import io.callaudit.model.DateRange;
import io.callaudit.model.FlowConfig;
import io.callaudit.model.Ingestion;
import io.callaudit.model.IngestionUser;
import io.callaudit.model.NumberConfig;
import io.callaudit.model.Plan;
import io.callaudit.model.Profile;
import io.callaudit.model.ProfileLocation;
import io.callaudit.model.Provider;
import io.callaudit.model.RecordingMode;
import io.callaudit.model.RecordingSettings;
import io.callaudit.model.RetentionCriteria;
import io.callaudit.model.SelectiveRetention;
import io.callaudit.model.SettingsConfig;
import io.callaudit.model.StartPoint;
import io.callaudit.model.Storage;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileLoaderTest {

    private final ProfileLoader loader = new ProfileLoader();

    static Path fixture(String name) {
        URL url = ProfileLoaderTest.class.getResource("/profile/" + name);
        assertThat(url).as("fixture %s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Profile load(String yaml) {
        return loader.load("profile.yaml", new StringReader(yaml));
    }

    @Test
    void domainExampleLoadsWithEveryValue() {
        Path path = fixture("domain-example.yaml");

        Profile p = loader.load(path);

        assertThat(p.file()).isEqualTo(path.toString());
        assertThat(p.provider()).isEqualTo(Provider.AIRCALL);
        assertThat(p.plan()).isEqualTo(Plan.GROWTH);
        assertThat(p.asOf()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(p.timezone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(p.defaultRegion()).isEqualTo("IN");
        assertThat(p.numbersComplete()).isTrue();
        assertThat(p.recording())
                .isEqualTo(new RecordingSettings(
                        true,
                        RecordingMode.SINGLE,
                        AudioFormat.MP3,
                        90,
                        StartPoint.ON_ANSWER,
                        Storage.PROVIDER,
                        List.of(),
                        24,
                        true));
        assertThat(p.numbers())
                .containsExactly(new NumberConfig(
                        "812", "+33 1 23 45 67 89", true, true, null, false, null, null, "Account Level", 0));
        assertThat(p.settingsConfigs()).containsExactly(new SettingsConfig("Account Level", true, null, 0));
        assertThat(p.flows()).containsExactly(new FlowConfig("sales", true, RecordingMode.DUAL, true, 0));
        assertThat(p.deletedAudio()).containsExactly("CTM-1234");
        // 2026-01-01 to 2026-01-31 inclusive, as whole days in Asia/Kolkata (+05:30).
        assertThat(p.purges())
                .containsExactly(
                        new DateRange(Instant.parse("2025-12-31T18:30:00Z"), Instant.parse("2026-01-31T18:30:00Z"), 0));
        assertThat(p.cancelledAt()).isNull();
        assertThat(p.ingestion())
                .isEqualTo(new Ingestion(
                        true,
                        60,
                        List.of(new IngestionUser("ana@acme.example", "recording")),
                        List.of(new DateRange(Instant.parse("2026-06-01T00:00:00Z"), null, 0))));
        assertThat(p.ingestionConfigured()).isTrue();
    }

    @Test
    void domainExampleRecordsTheLineOfEveryKey() {
        Profile p = loader.load(fixture("domain-example.yaml"));

        assertThat(p.keyLines())
                .containsEntry("provider", 1)
                .containsEntry("numbers_complete", 6)
                .containsEntry("recording", 7)
                .containsEntry("recording.format", 10)
                .containsEntry("recording.selective_retention", 14)
                .containsEntry("numbers", 17)
                .containsEntry("numbers[0]", 18)
                .containsEntry("numbers[0].id", 18)
                .containsEntry("numbers[0].allow_user_pause", 23)
                .containsEntry("numbers[0].settings", 26)
                .containsEntry("settings_configs[0]", 28)
                .containsEntry("settings_configs[0].deleted_at", 28)
                .containsEntry("flows[0].mode", 30)
                .containsEntry("deleted_audio[0]", 31)
                .containsEntry("purges[0].to", 32)
                .containsEntry("cancelled_at", 33)
                .containsEntry("ingestion.min_seconds", 36)
                .containsEntry("ingestion.users[0].email", 37)
                .containsEntry("ingestion.connected[0].to", 38)
                .doesNotContainKey("recording.selective_retention[0]");
        assertThat(p.locate("recording.format")).isEqualTo(new ProfileLocation(p.file(), 10, "recording.format"));
    }

    @Test
    void optionalBlocksLoadWithEveryValue() {
        Profile p = loader.load(fixture("exotel-full.yaml"));

        assertThat(p.provider()).isEqualTo(Provider.EXOTEL);
        assertThat(p.plan()).isEqualTo(Plan.ENTERPRISE);
        assertThat(p.asOf()).isNull();
        assertThat(p.numbersComplete()).isFalse();
        assertThat(p.recording())
                .isEqualTo(new RecordingSettings(
                        null,
                        RecordingMode.DUAL,
                        AudioFormat.WAV,
                        365,
                        StartPoint.ON_CONNECT,
                        Storage.S3,
                        List.of(
                                new SelectiveRetention(RetentionCriteria.FLOW, "sales", 180, 0),
                                new SelectiveRetention(RetentionCriteria.OUTCOME, "answered", 30, 1)),
                        null,
                        null));
        assertThat(p.numbers())
                .containsExactly(
                        // id written as a YAML int is the text "812"; 09:00 without offset is Kolkata time.
                        new NumberConfig(
                                "812",
                                null,
                                null,
                                null,
                                Instant.parse("2026-03-01T03:30:00Z"),
                                null,
                                Instant.parse("2026-04-01T08:30:00Z"),
                                null,
                                null,
                                0),
                        // the leading zero survives: digits are read as written, not as a YAML number.
                        new NumberConfig(null, "08012345678", null, null, null, true, null, null, null, 1));
        assertThat(p.flows())
                .containsExactly(
                        new FlowConfig("sales", null, RecordingMode.DUAL, null, 0),
                        new FlowConfig("support", false, null, null, 1));
        assertThat(p.deletedAudio()).containsExactlyInAnyOrder("1234", "CTM-99", "0042");
        assertThat(p.ingestion())
                .isEqualTo(new Ingestion(
                        true,
                        Ingestion.DEFAULT_MIN_SECONDS,
                        List.of(new IngestionUser("Ana@Acme.example", null)),
                        List.of(
                                new DateRange(
                                        Instant.parse("2026-05-31T18:30:00Z"),
                                        Instant.parse("2026-07-01T00:00:00Z"),
                                        0),
                                new DateRange(Instant.parse("2026-08-01T00:00:00Z"), null, 1))));
        assertThat(p.keyLines())
                .containsEntry("recording.selective_retention[0]", 12)
                .containsEntry("recording.selective_retention[0].days", 14)
                .containsEntry("recording.selective_retention[1]", 15)
                .containsEntry("numbers[1]", 20)
                .containsEntry("flows[1]", 25)
                .containsEntry("flows[1].record", 26)
                .containsEntry("purges[1].from", 30);
    }

    @Test
    void purgeRangeIncludesTheWholeLastDay() {
        Profile p = loader.load(fixture("exotel-full.yaml"));

        DateRange sameDay = p.purges().get(1);
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        assertThat(sameDay.index()).isEqualTo(1);
        assertThat(sameDay.contains(Instant.parse("2026-02-10T00:00:00+05:30"))).isTrue();
        assertThat(sameDay.contains(Instant.parse("2026-02-10T23:59:59.999+05:30")))
                .isTrue();
        assertThat(sameDay.contains(Instant.parse("2026-02-11T00:00:00+05:30"))).isFalse();
        assertThat(sameDay.contains(Instant.parse("2026-02-09T23:59:59+05:30"))).isFalse();
        assertThat(sameDay.to())
                .isEqualTo(LocalDate.of(2026, 2, 11).atStartOfDay(kolkata).toInstant());
    }

    @Test
    void zonelessInstantUsesTheProfileTimezoneWhereverItIsWritten() {
        Profile p = load("""
                provider: aircall
                as_of: 2026-11-20T00:00:00
                cancelled_at: 2026-07-01T12:00:00.5
                timezone: America/New_York
                """);

        assertThat(p.asOf()).isEqualTo(Instant.parse("2026-11-20T05:00:00Z"));
        assertThat(p.cancelledAt()).isEqualTo(Instant.parse("2026-07-01T16:00:00.500Z"));
    }

    @Test
    void zonelessInstantDefaultsToUtc() {
        Profile p = load("""
                provider: aircall
                as_of: "2026-11-20T08:15:00"
                """);

        assertThat(p.timezone()).isEqualTo(ZoneOffset.UTC);
        assertThat(p.asOf()).isEqualTo(Instant.parse("2026-11-20T08:15:00Z"));
    }

    @Test
    void explicitOffsetWinsOverTheTimezone() {
        Profile p = load("""
                provider: aircall
                timezone: Asia/Kolkata
                as_of: 2026-11-20t08:15:00z
                cancelled_at: 2026-11-20T08:15:00-03:00
                """);

        assertThat(p.asOf()).isEqualTo(Instant.parse("2026-11-20T08:15:00Z"));
        assertThat(p.cancelledAt()).isEqualTo(Instant.parse("2026-11-20T11:15:00Z"));
    }

    @Test
    void minimalProfileGetsTheDefaults() {
        Profile p = load("provider: ctm\n");

        assertThat(p.provider()).isEqualTo(Provider.CTM);
        assertThat(p.plan()).isNull();
        assertThat(p.timezone()).isEqualTo(ZoneOffset.UTC);
        assertThat(p.recording()).isEqualTo(RecordingSettings.defaults());
        assertThat(p.numbers()).isEmpty();
        assertThat(p.purges()).isEmpty();
        assertThat(p.ingestion()).isNull();
        assertThat(p.keyLines()).containsExactly(Map.entry("provider", 1));
    }

    @Test
    void nullsLeaveNullableKeysUnsetButAreStillRecorded() {
        Profile p = load("""
                provider: ctm
                plan: ~
                timezone:
                recording: null
                numbers: []
                settings_configs:
                  - {name: Old, recordings: false, deleted_at: 2026-02-01T00:00:00Z}
                  - name: Default
                ingestion:
                  enabled: false
                  min_seconds: 0
                """);

        assertThat(p.plan()).isNull();
        assertThat(p.timezone()).isEqualTo(ZoneOffset.UTC);
        assertThat(p.recording()).isEqualTo(RecordingSettings.defaults());
        assertThat(p.settingsConfigs())
                .containsExactly(
                        new SettingsConfig("Old", false, Instant.parse("2026-02-01T00:00:00Z"), 0),
                        new SettingsConfig("Default", true, null, 1));
        assertThat(p.ingestion()).isEqualTo(new Ingestion(false, 0, List.of(), List.of()));
        assertThat(p.ingestionConfigured()).isFalse();
        assertThat(p.keyLines()).containsEntry("plan", 2).containsEntry("recording", 4);
    }

    @Test
    void exotelWithPlanLoads() {
        Profile p = load("provider: exotel\nplan: starter\n");

        assertThat(p.plan()).isEqualTo(Plan.STARTER);
    }
}
