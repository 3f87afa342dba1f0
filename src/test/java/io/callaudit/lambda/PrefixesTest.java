package io.callaudit.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The start-up check and what the prefixes decide, without booting anything. */
class PrefixesTest {

    @ParameterizedTest(name = "input ''{0}'', output ''{1}''")
    @CsvSource({
        "incoming/, incoming/reports/",
        "incoming/reports/, incoming/",
        "data/, data/",
        "calls, calls-reports/",
        "'', reports/",
        "incoming/, ''"
    })
    void should_refuse_prefixes_that_overlap(String input, String output) {
        assertThatThrownBy(() -> new Prefixes(input, output))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("callaudit.lambda");
    }

    @Test
    void should_accept_disjoint_prefixes() {
        Prefixes p = new Prefixes("incoming/", "reports/");
        assertThat(p.isInput("incoming/acme/calls.json")).isTrue();
        assertThat(p.isInput("incoming/")).isFalse();
        assertThat(p.isOutput("reports/acme/calls.json.0123456789ab.json")).isTrue();
        assertThat(p.relative("incoming/acme/calls.json")).isEqualTo("acme/calls.json");
    }

    @Test
    void should_fail_start_up_through_the_settings() {
        assertThatThrownBy(() -> Settings.of(config("incoming/", "incoming/out/", "error", null)))
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> Settings.of(config("incoming/", "reports/", "fatal", null)))
                .hasMessageContaining("fail-on");
        assertThatThrownBy(() -> Settings.of(config("incoming/", "reports/", "error", "reports/profile.yaml")))
                .hasMessageContaining("profile-key");
        assertThat(Settings.of(config("incoming/", "reports/", "never", "  ")).failOn())
                .isNull();
        assertThat(Settings.of(config("incoming/", "reports/", "never", "  ")).profileKey())
                .isNull();
    }

    @Test
    void should_derive_the_same_report_keys_for_the_same_object_version() {
        Prefixes p = new Prefixes("incoming/", "reports/");
        ReportKeys a = ReportKeys.of(p, "bucket", "incoming/acme/calls 1+2.json", "etag-1");
        ReportKeys b = ReportKeys.of(p, "bucket", "incoming/acme/calls 1+2.json", "etag-1");
        ReportKeys c = ReportKeys.of(p, "bucket", "incoming/acme/calls 1+2.json", "etag-2");
        assertThat(a).isEqualTo(b);
        assertThat(a.json()).matches("reports/acme/calls 1\\+2\\.json\\.[0-9a-f]{12}\\.json");
        assertThat(a.markdown()).isEqualTo(a.json().replaceAll("json$", "md"));
        assertThat(c.json()).isNotEqualTo(a.json());
        assertThat(ReportKeys.id("bucket", "incoming/acme/calls 1+2.json", "etag-1"))
                .isEqualTo(a.json().split("\\.")[2]);
    }

    @Test
    void should_look_for_the_nearest_profile_up_to_the_input_prefix() {
        Prefixes p = new Prefixes("incoming/", "reports/");
        assertThat(ProfileLocator.candidates(p, "incoming/acme/2026/11/calls.json", null))
                .containsExactly(
                        "incoming/acme/2026/11/callaudit-profile.yaml",
                        "incoming/acme/2026/callaudit-profile.yaml",
                        "incoming/acme/callaudit-profile.yaml",
                        "incoming/callaudit-profile.yaml");
        assertThat(ProfileLocator.candidates(p, "incoming/calls.json", null))
                .containsExactly("incoming/callaudit-profile.yaml");
        assertThat(ProfileLocator.candidates(p, "incoming/acme/calls.json", "profiles/acme.yaml"))
                .containsExactly("profiles/acme.yaml");
        assertThat(ProfileLocator.isProfile("incoming/acme/callaudit-profile.yaml"))
                .isTrue();
        assertThat(ProfileLocator.isProfile("incoming/acme/not-callaudit-profile.yaml"))
                .isFalse();
    }

    static FunctionConfig config(String input, String output, String failOn, String profileKey) {
        return new FunctionConfig() {
            @Override
            public String inputPrefix() {
                return input;
            }

            @Override
            public String outputPrefix() {
                return output;
            }

            @Override
            public Optional<String> profileKey() {
                return Optional.ofNullable(profileKey);
            }

            @Override
            public String failOn() {
                return failOn;
            }

            @Override
            public boolean redact() {
                return false;
            }

            @Override
            public boolean htmlReport() {
                return false;
            }
        };
    }
}
