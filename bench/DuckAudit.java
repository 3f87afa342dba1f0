import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The reference for bench/run.sh: the core of callaudit's Aircall audit written as the DuckDB SQL an analyst
 * would reach for, over the same NDJSON (plain or gzip) and the same profile. Core means the rules the
 * benchmark batch exercises: unanswered, parallel legs (a window per agent), recording off per number and
 * direction or before {@code recording_enabled_at} (a join to the profile's numbers), short and over-long talk,
 * deleted numbers, and the two fallbacks (paused-by-user, unexplained) with each call's outcome, so the counts
 * can be checked against callaudit's own summary. Ingestion, retention and CTM/Exotel rules are left out.
 *
 * <p>Run (bench/run.sh compiles it once, so the timing carries no compilation):
 * <pre>
 * java -cp duckdb_jdbc.jar:snakeyaml.jar:CLASSES DuckAudit PROFILE.yaml CALLS.ndjson[.gz] OUT.json
 * </pre>
 * It writes one JSON object per call ({@code id}, {@code outcome}, {@code reasons}) to OUT.json and prints one
 * line of counts ({@code key=value ...}) to standard output.
 */
public final class DuckAudit {

    private DuckAudit() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DuckAudit PROFILE.yaml CALLS.ndjson[.gz] OUT.json");
            System.exit(2);
        }
        Map<String, Object> profile = new Yaml().load(Files.readString(Path.of(args[0])));
        String input = args[1];
        String out = args[2];
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = db.createStatement()) {
            loadNumbers(db, st, profile);
            st.execute(auditSql(input));
            st.execute("COPY audit TO " + literal(out) + " (FORMAT json)");
            printCounts(st);
        }
    }

    /** The profile's inventory as a table, the same facts callaudit's NumberIndex looks up by id. */
    @SuppressWarnings("unchecked")
    private static void loadNumbers(Connection db, Statement st, Map<String, Object> profile) throws SQLException {
        st.execute("CREATE TEMP TABLE numbers (id VARCHAR, record_inbound BOOLEAN, record_outbound BOOLEAN, "
                + "recording_enabled_at BIGINT, allow_user_pause BOOLEAN, deleted_at BIGINT)");
        List<Map<String, Object>> numbers = (List<Map<String, Object>>) profile.getOrDefault("numbers", List.of());
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO numbers VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map<String, Object> n : numbers) {
                insert.setString(1, String.valueOf(n.get("id")));
                insert.setBoolean(2, bool(n.get("record_inbound"), true));
                insert.setBoolean(3, bool(n.get("record_outbound"), true));
                insert.setObject(4, epoch(n.get("recording_enabled_at")));
                insert.setBoolean(5, bool(n.get("allow_user_pause"), false));
                insert.setObject(6, epoch(n.get("deleted_at")));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * One statement from file to verdicts. The explicit column spec reads only what the audit needs (DuckDB skips
     * the rest of each object); the rules follow callaudit's (DOMAIN.md, "Rules") for Aircall call objects.
     */
    static String auditSql(String input) {
        return """
            CREATE TEMP TABLE audit AS
            WITH raw AS (
              SELECT * FROM read_json(%s, format = 'newline_delimited', compression = 'auto',
                columns = {id: 'BIGINT', direction: 'VARCHAR', started_at: 'BIGINT', answered_at: 'BIGINT',
                           ended_at: 'BIGINT', asset: 'VARCHAR', recording: 'VARCHAR',
                           recording_short_url: 'VARCHAR', voicemail: 'VARCHAR', voicemail_short_url: 'VARCHAR',
                           "user": 'STRUCT(id BIGINT)', number: 'STRUCT(id BIGINT)'})
            ),
            c AS (
              SELECT id, direction, started_at, answered_at, ended_at,
                     "user".id AS user_id, CAST(number.id AS VARCHAR) AS number_id,
                     coalesce(voicemail, voicemail_short_url) IS NOT NULL AND answered_at IS NULL AS voicemail_call,
                     coalesce(recording, recording_short_url,
                              CASE WHEN asset LIKE '%%/recording%%' THEN asset END,
                              CASE WHEN answered_at IS NULL THEN coalesce(voicemail, voicemail_short_url) END)
                       IS NOT NULL AS recorded,
                     answered_at IS NULL AND coalesce(voicemail, voicemail_short_url) IS NULL AS never_answered,
                     ended_at - answered_at AS talk
              FROM raw
            ),
            legs AS (
              SELECT *,
                     answered_at IS NOT NULL AND user_id IS NOT NULL AND
                       max(CASE WHEN answered_at IS NOT NULL THEN ended_at END) OVER (
                         PARTITION BY user_id ORDER BY started_at
                         RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) > started_at AS overlaps
              FROM c
            ),
            r AS (
              SELECT l.id, l.started_at, l.recorded, n.deleted_at, coalesce(n.allow_user_pause, false) AS pause,
                     NOT l.recorded AND l.never_answered AS unanswered,
                     NOT l.recorded AND NOT l.never_answered AND coalesce(l.overlaps, false) AS parallel,
                     NOT l.recorded AND NOT l.voicemail_call AND n.id IS NOT NULL AND
                       ((l.direction = 'inbound' AND NOT n.record_inbound)
                        OR (l.direction = 'outbound' AND NOT n.record_outbound)
                        OR l.started_at < n.recording_enabled_at) AS disabled,
                     NOT l.recorded AND NOT l.never_answered AND NOT l.voicemail_call AND l.talk < 5 AS short_talk,
                     NOT l.recorded AND NOT l.never_answered AND l.talk > 14400 AS too_long,
                     NOT l.never_answered AS answered
              FROM legs l LEFT JOIN numbers n ON n.id = l.number_id
            ),
            e AS (
              SELECT *, coalesce(unanswered OR parallel OR disabled OR short_talk OR too_long, false) AS evidence
              FROM r
            ),
            d AS (
              SELECT *, coalesce(deleted_at > started_at AND (recorded OR (answered AND NOT evidence)), false)
                          AS number_deleted
              FROM e
            ),
            f AS (
              SELECT *, NOT recorded AND answered AND NOT evidence AND NOT number_deleted AND pause AS paused
              FROM d
            )
            SELECT id,
                   CASE WHEN number_deleted THEN 'lost' WHEN recorded THEN 'recorded'
                        WHEN evidence OR paused THEN 'explained-gap' ELSE 'unexplained-gap' END AS outcome,
                   list_filter([CASE WHEN unanswered THEN 'gap.unanswered' END,
                                CASE WHEN parallel THEN 'gap.parallel-leg' END,
                                CASE WHEN disabled THEN 'gap.recording-disabled' END,
                                CASE WHEN short_talk THEN 'gap.short-talk' END,
                                CASE WHEN too_long THEN 'gap.too-long' END,
                                CASE WHEN paused THEN 'gap.paused-by-user' END,
                                CASE WHEN NOT recorded AND NOT evidence AND NOT number_deleted AND NOT paused
                                     THEN 'gap.unexplained' END,
                                CASE WHEN number_deleted THEN 'link.number-deleted' END], lambda x: x IS NOT NULL)
                     AS reasons
            FROM f
            """.formatted(literal(input));
    }

    /** Counts in the shape of callaudit's summary, for run.sh to compare. */
    private static void printCounts(Statement st) throws SQLException {
        StringBuilder line = new StringBuilder();
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM audit")) {
            rs.next();
            line.append("calls=").append(rs.getLong(1));
        }
        try (ResultSet rs = st.executeQuery("SELECT outcome, count(*) FROM audit GROUP BY outcome ORDER BY 1")) {
            while (rs.next()) {
                line.append(' ').append(rs.getString(1)).append('=').append(rs.getLong(2));
            }
        }
        try (ResultSet rs = st.executeQuery(
                "SELECT r, count(*) FROM (SELECT unnest(reasons) AS r FROM audit) GROUP BY r ORDER BY 1")) {
            while (rs.next()) {
                line.append(' ').append(rs.getString(1)).append('=').append(rs.getLong(2));
            }
        }
        System.out.println(line);
    }

    private static boolean bool(Object value, boolean absent) {
        return value == null ? absent : Boolean.parseBoolean(String.valueOf(value));
    }

    /** SnakeYAML reads an unquoted timestamp as a Date, a quoted one as a String. */
    private static Long epoch(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date d) {
            return d.getTime() / 1000;
        }
        return Instant.parse(String.valueOf(value)).getEpochSecond();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
