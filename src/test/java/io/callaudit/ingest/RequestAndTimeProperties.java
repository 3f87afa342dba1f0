package io.callaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Open-ended inputs of the request-log reader and the vendor time forms: whatever is encoded reads back. */
class RequestAndTimeProperties {

    @Property
    void anyParametersEncodedAsAFormBodyOrQueryReadBack(
            @ForAll("parameters") Map<String, String> params, @ForAll boolean asRequestLine) {
        StringJoiner body = new StringJoiner("&");
        params.forEach((k, v) -> body.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String line = asRequestLine ? "GET /hook?" + body + " HTTP/1.1" : body.toString();

        ObjectNode read = FormReader.parameters(line);

        assertThat(read.size()).isEqualTo(params.size());
        params.forEach((k, v) -> {
            if (v.trim().isEmpty()) {
                assertThat(read.get(k).isNull()).as(k).isTrue();
            } else {
                assertThat(read.get(k).asText()).as(k).isEqualTo(v.trim());
            }
        });
    }

    @Property
    void ctmTwelveHourTimesWithAnOffsetAreThatInstantWhateverTheZone(
            @ForAll @LongRange(min = 946_684_800L, max = 4_102_444_800L) long epochMinute,
            @ForAll @IntRange(min = -12 * 4, max = 14 * 4) int quarterHours,
            @ForAll boolean colon) {
        Instant instant = Instant.ofEpochSecond(epochMinute / 60 * 60);
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarterHours * 15 * 60);
        String local = LocalDateTime.ofInstant(instant, offset)
                .format(DateTimeFormatter.ofPattern("uuuu-MM-dd hh:mm a", Locale.US));
        String id = offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
        String text = local + " " + (colon ? id : id.replace(":", ""));

        assertThat(ObjectFields.parseVendorTime(text, ZoneId.of("Pacific/Kiritimati")))
                .isEqualTo(instant);
    }

    @Provide
    Arbitrary<Map<String, String>> parameters() {
        Arbitrary<String> keys = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('_', 'A', 'Z')
                .ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<String> values = Arbitraries.strings()
                .all()
                .ofMaxLength(30)
                .filter(v -> v.chars().noneMatch(c -> Character.isSurrogate((char) c)));
        return Arbitraries.maps(keys, values).ofMinSize(1).ofMaxSize(8).map(LinkedHashMap::new);
    }
}
