package io.callaudit.lambda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the reports of one object version go. The key is a pure function of bucket, key and version (or
 * ETag), so S3's at-least-once delivery is harmless: the same event delivered twice overwrites the same two
 * objects instead of adding a second report. Mirroring the input path keeps each team's reports beside
 * each other: {@code incoming/acme/calls.json} becomes {@code reports/acme/calls.json.<id>.json}.
 *
 * @param json the JSON report's key
 * @param markdown the Markdown summary's key
 * @param html the HTML report's key, written only when the function's settings ask for it
 */
public record ReportKeys(String json, String markdown, String html) {

    /** Hex digits of the identity kept in the key: enough to tell versions apart, short enough to read. */
    static final int ID_LENGTH = 12;

    /**
     * @param version the object's version id, or its ETag when the bucket is not versioned
     */
    static ReportKeys of(Prefixes prefixes, String bucket, String key, String version) {
        String base = prefixes.output() + prefixes.relative(key) + "." + id(bucket, key, version);
        return new ReportKeys(base + ".json", base + ".md", base + ".html");
    }

    /** The first {@value #ID_LENGTH} hex digits of sha256("bucket/key/version"). */
    static String id(String bucket, String key, String version) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((bucket + "/" + key + "/" + version).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
