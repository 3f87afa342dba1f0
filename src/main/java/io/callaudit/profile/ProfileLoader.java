package io.callaudit.profile;

import io.callaudit.model.AudioFormat;
import io.callaudit.model.DateRange;
import io.callaudit.model.FlowConfig;
import io.callaudit.model.Ingestion;
import io.callaudit.model.IngestionUser;
import io.callaudit.model.NumberConfig;
import io.callaudit.model.Plan;
import io.callaudit.model.Profile;
import io.callaudit.model.Provider;
import io.callaudit.model.RecordingMode;
import io.callaudit.model.RecordingSettings;
import io.callaudit.model.RetentionCriteria;
import io.callaudit.model.SelectiveRetention;
import io.callaudit.model.SettingsConfig;
import io.callaudit.model.StartPoint;
import io.callaudit.model.Storage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one account profile (DOMAIN.md, "Account profile (YAML)") strictly into a {@link Profile}.
 *
 * <p>Strict because a profile that is silently misread produces a confident audit of the wrong
 * configuration: unknown keys, wrong types and unknown values are errors, each naming file, line and key.
 * The YAML is composed into a node tree and read by hand rather than bound to beans, so it works in a
 * native image without reflection and every value keeps its line. Anchors, aliases and explicit tags are
 * rejected (see {@link ProfileSource#rejectAnchorsAndTags}).
 *
 * <p>Stateless and thread-safe: each call builds its own parser.
 */
public final class ProfileLoader {

    /**
     * Large enough for an inventory of tens of thousands of numbers, small enough that a wrong file
     * (a call-log export passed as {@code --config}) fails fast instead of being parsed in full.
     */
    static final int CODE_POINT_LIMIT = 4 * 1024 * 1024;

    private static final List<String> ROOT_KEYS = List.of(
            "provider",
            "plan",
            "as_of",
            "timezone",
            "default_region",
            "numbers_complete",
            "recording",
            "numbers",
            "settings_configs",
            "flows",
            "deleted_audio",
            "purges",
            "cancelled_at",
            "ingestion");
    /** A century, in the units profiles count retention and link lifetimes in. */
    private static final int MAX_DAYS = 36_525;

    private static final int MAX_HOURS = 24 * MAX_DAYS;
    /** A week, like a call's durations: a minimum length longer than any call is a unit slip. */
    private static final int MAX_SECONDS = 7 * 24 * 3600;

    private static final List<String> RECORDING_KEYS = List.of(
            "enabled",
            "mode",
            "format",
            "retention_days",
            "start_point",
            "storage",
            "selective_retention",
            "url_ttl_hours",
            "consent_greeting",
            "availability_delay_seconds");
    private static final List<String> SELECTIVE_RETENTION_KEYS = List.of("criteria", "value", "days");
    private static final List<String> NUMBER_KEYS = List.of(
            "id",
            "digits",
            "record_inbound",
            "record_outbound",
            "recording_enabled_at",
            "allow_user_pause",
            "deleted_at",
            "recovered_at",
            "settings");
    private static final List<String> SETTINGS_CONFIG_KEYS = List.of("name", "recordings", "deleted_at");
    private static final List<String> FLOW_KEYS = List.of("id", "record", "mode", "consent_greeting");
    private static final List<String> RANGE_KEYS = List.of("from", "to");
    private static final List<String> INGESTION_KEYS = List.of("enabled", "min_seconds", "users", "connected");
    private static final List<String> USER_KEYS = List.of("email", "seat");

    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

    /**
     * Reads the profile at {@code path}; the path as given is what messages and {@link Profile#file()} show.
     *
     * @throws ProfileException when the file cannot be read or is not a valid profile
     */
    public Profile load(Path path) {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            throw new ProfileException(file, 0, null, "cannot read profile: is a directory");
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return load(file, reader);
        } catch (NoSuchFileException e) {
            throw new ProfileException(file, 0, null, "cannot read profile: no such file", e);
        } catch (AccessDeniedException e) {
            throw new ProfileException(file, 0, null, "cannot read profile: permission denied", e);
        } catch (IOException e) {
            throw new ProfileException(file, 0, null, "cannot read profile: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a profile from {@code reader}, which the caller owns and closes.
     *
     * @param fileName the name to report in messages and {@link Profile#file()}, as the user gave it
     * @throws ProfileException when the text cannot be read or is not a valid profile
     */
    public Profile load(String fileName, Reader reader) {
        Node root = compose(fileName, reader);
        if (root == null) {
            throw new ProfileException(
                    fileName, 1, null, "profile is empty (expected a mapping with at least 'provider')");
        }
        ProfileSource source = new ProfileSource(fileName);
        source.rejectAnchorsAndTags(root, "");
        if (!(root instanceof MappingNode)) {
            throw new ProfileException(
                    fileName,
                    ProfileSource.line(root),
                    null,
                    "profile must be a mapping of keys to values, got " + YamlValue.describe(root));
        }
        YamlMapping doc = new YamlValue(source, "", root, ProfileSource.line(root)).mapping(ROOT_KEYS);
        return read(source, doc);
    }

    private static Node compose(String fileName, Reader reader) {
        return YamlDocument.compose(
                reader,
                "profile",
                CODE_POINT_LIMIT,
                (line, problem, cause) -> new ProfileException(fileName, line, null, problem, cause));
    }

    private static Profile read(ProfileSource source, YamlMapping doc) {
        // Read first: every zone-less timestamp in the file depends on it, wherever it is written.
        ZoneId timezone = doc.get("timezone").zone();
        if (timezone != null) {
            source.zone(timezone);
        }
        YamlValue providerValue = doc.get("provider");
        Provider provider = providerValue.requiredChoice(Provider.class);
        YamlValue planValue = doc.get("plan");
        Plan plan = planValue.choice(Plan.class);
        if (provider == Provider.EXOTEL && plan == null) {
            int line = planValue.written() ? planValue.line() : providerValue.line();
            throw source.error(line, "plan", "plan is required for provider exotel");
        }
        Instant asOf = doc.get("as_of").instant();
        String defaultRegion = region(doc.get("default_region"));
        boolean numbersComplete = doc.get("numbers_complete").bool(false);
        RecordingSettings recording = recording(doc.get("recording"));
        List<NumberConfig> numbers = numbers(doc.get("numbers"));
        List<SettingsConfig> settingsConfigs = settingsConfigs(doc.get("settings_configs"));
        List<FlowConfig> flows = flows(doc.get("flows"));
        Set<String> deletedAudio = deletedAudio(doc.get("deleted_audio"));
        List<DateRange> purges = purges(source, doc.get("purges"));
        Instant cancelledAt = doc.get("cancelled_at").instant();
        Ingestion ingestion = ingestion(doc.get("ingestion"));
        return new Profile(
                source.file(),
                provider,
                plan,
                asOf,
                timezone,
                defaultRegion,
                numbersComplete,
                recording,
                numbers,
                settingsConfigs,
                flows,
                deletedAudio,
                purges,
                cancelledAt,
                ingestion,
                source.keyLines());
    }

    /** Upper case only, because that is how libphonenumber and every export spell regions. */
    private static String region(YamlValue value) {
        String text = value.text();
        if (text == null) {
            return null;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (!upper.equals(text) && REGIONS.contains(upper)) {
            throw value.error("region must be upper case (did you mean '" + upper + "'?)");
        }
        if (!REGIONS.contains(text)) {
            throw value.error("unknown region '" + text + "' (expected a 2-letter ISO 3166 code such as IN, FR, US)");
        }
        return text;
    }

    private static RecordingSettings recording(YamlValue value) {
        YamlMapping m = value.mapping(RECORDING_KEYS);
        if (m == null) {
            return null;
        }
        List<SelectiveRetention> selective = new ArrayList<>();
        List<YamlValue> items = m.get("selective_retention").items();
        for (int i = 0; i < items.size(); i++) {
            YamlMapping entry = items.get(i).requiredMapping(SELECTIVE_RETENTION_KEYS);
            selective.add(new SelectiveRetention(
                    entry.get("criteria").required().choice(RetentionCriteria.class),
                    entry.get("value").required().text(),
                    entry.get("days").required().positiveInt(MAX_DAYS),
                    i));
        }
        return new RecordingSettings(
                m.get("enabled").bool(),
                m.get("mode").choice(RecordingMode.class),
                m.get("format").choice(AudioFormat.class),
                m.get("retention_days").positiveInt(MAX_DAYS),
                m.get("start_point").choice(StartPoint.class),
                m.get("storage").choice(Storage.class),
                selective,
                m.get("url_ttl_hours").positiveInt(MAX_HOURS),
                m.get("consent_greeting").bool(),
                m.get("availability_delay_seconds").nonNegativeInt(MAX_SECONDS));
    }

    private static List<NumberConfig> numbers(YamlValue value) {
        List<NumberConfig> numbers = new ArrayList<>();
        Map<String, Integer> firstLineById = new HashMap<>();
        List<YamlValue> items = value.items();
        for (int i = 0; i < items.size(); i++) {
            YamlMapping m = items.get(i).requiredMapping(NUMBER_KEYS);
            YamlValue idValue = m.get("id");
            String id = idValue.text();
            YamlValue digitsValue = m.get("digits");
            String digits = digitsValue.text();
            if (id == null && digits == null) {
                throw m.error("a number needs an 'id' or 'digits' to be matched against calls");
            }
            if (id != null) {
                Integer first = firstLineById.putIfAbsent(id, idValue.line());
                if (first != null) {
                    throw idValue.error("duplicate number id '" + id + "' (first at line " + first + ")");
                }
            }
            if (digits != null && digits.chars().noneMatch(Character::isDigit)) {
                throw digitsValue.error("expected a phone number, got '" + digits + "'");
            }
            numbers.add(new NumberConfig(
                    id,
                    digits,
                    m.get("record_inbound").bool(),
                    m.get("record_outbound").bool(),
                    m.get("recording_enabled_at").instant(),
                    m.get("allow_user_pause").bool(),
                    m.get("deleted_at").instant(),
                    m.get("recovered_at").instant(),
                    m.get("settings").text(),
                    i));
        }
        return numbers;
    }

    /**
     * A configuration that does not say whether it records is taken to record: findings must not blame a
     * switch the profile never described.
     */
    private static List<SettingsConfig> settingsConfigs(YamlValue value) {
        List<SettingsConfig> configs = new ArrayList<>();
        Map<String, Integer> firstLineByName = new HashMap<>();
        List<YamlValue> items = value.items();
        for (int i = 0; i < items.size(); i++) {
            YamlMapping m = items.get(i).requiredMapping(SETTINGS_CONFIG_KEYS);
            YamlValue nameValue = m.get("name").required();
            String name = nameValue.text();
            Integer first = firstLineByName.putIfAbsent(name, nameValue.line());
            if (first != null) {
                throw nameValue.error("duplicate settings configuration '" + name + "' (first at line " + first + ")");
            }
            configs.add(new SettingsConfig(
                    name, m.get("recordings").bool(true), m.get("deleted_at").instant(), i));
        }
        return configs;
    }

    private static List<FlowConfig> flows(YamlValue value) {
        List<FlowConfig> flows = new ArrayList<>();
        Map<String, Integer> firstLineById = new HashMap<>();
        List<YamlValue> items = value.items();
        for (int i = 0; i < items.size(); i++) {
            YamlMapping m = items.get(i).requiredMapping(FLOW_KEYS);
            YamlValue idValue = m.get("id").required();
            String id = idValue.text();
            Integer first = firstLineById.putIfAbsent(id, idValue.line());
            if (first != null) {
                throw idValue.error("duplicate flow id '" + id + "' (first at line " + first + ")");
            }
            flows.add(new FlowConfig(
                    id,
                    m.get("record").bool(),
                    m.get("mode").choice(RecordingMode.class),
                    m.get("consent_greeting").bool(),
                    i));
        }
        return flows;
    }

    /** Call ids as text, whether written as numbers or strings, because call ids are compared as text. */
    private static Set<String> deletedAudio(YamlValue value) {
        Set<String> ids = new LinkedHashSet<>();
        for (YamlValue item : value.items()) {
            ids.add(item.required().text());
        }
        return ids;
    }

    /**
     * Purges are written as inclusive calendar days, as the provider's UI takes them; the range covers both
     * whole days in the profile's zone, so it ends at the start of the day after {@code to}.
     */
    private static List<DateRange> purges(ProfileSource source, YamlValue value) {
        List<DateRange> ranges = new ArrayList<>();
        List<YamlValue> items = value.items();
        for (int i = 0; i < items.size(); i++) {
            YamlMapping m = items.get(i).requiredMapping(RANGE_KEYS);
            LocalDate from = m.get("from").required().date();
            YamlValue toValue = m.get("to").required();
            LocalDate to = toValue.date();
            if (to.isBefore(from)) {
                throw toValue.error("'to' " + to + " is before 'from' " + from);
            }
            ZoneId zone = source.zone();
            ranges.add(new DateRange(
                    from.atStartOfDay(zone).toInstant(),
                    to.plusDays(1).atStartOfDay(zone).toInstant(),
                    i));
        }
        return ranges;
    }

    /** Writing the block at all means the integration exists, so {@code enabled} defaults to true. */
    private static Ingestion ingestion(YamlValue value) {
        YamlMapping m = value.mapping(INGESTION_KEYS);
        if (m == null) {
            return null;
        }
        boolean enabled = m.get("enabled").bool(true);
        Integer minSeconds = m.get("min_seconds").nonNegativeInt(MAX_SECONDS);
        List<IngestionUser> users = new ArrayList<>();
        for (YamlValue item : m.get("users").items()) {
            YamlMapping user = item.requiredMapping(USER_KEYS);
            YamlValue emailValue = user.get("email").required();
            String email = emailValue.text();
            if (email.indexOf('@') < 1) {
                throw emailValue.error("expected an email address, got '" + email + "'");
            }
            users.add(new IngestionUser(email, user.get("seat").text()));
        }
        List<DateRange> connected = new ArrayList<>();
        List<YamlValue> windows = m.get("connected").items();
        for (int i = 0; i < windows.size(); i++) {
            YamlMapping window = windows.get(i).requiredMapping(RANGE_KEYS);
            Instant from = window.get("from").required().instant();
            YamlValue toValue = window.get("to");
            Instant to = toValue.instant();
            if (to != null && !to.isAfter(from)) {
                throw toValue.error("'to' " + to + " is not after 'from' " + from);
            }
            connected.add(new DateRange(from, to, i));
        }
        return new Ingestion(
                enabled, minSeconds == null ? Ingestion.DEFAULT_MIN_SECONDS : minSeconds, users, connected);
    }
}
