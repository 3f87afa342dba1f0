package io.callaudit.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The profile loader under fuzzing: for any text (random, or a real profile mutated), loading either yields a
 * profile or fails with a {@link ProfileException} (exit 2) naming the file; nothing else escapes, so a broken
 * profile can never end a run with a stack trace.
 */
class ProfileFuzzTest {

    static final List<String> SEEDS = List.of(
            "examples/aircall/profile.yaml",
            "src/test/resources/profile/domain-example.yaml",
            "src/test/resources/profile/exotel-full.yaml");

    static final String[] INTERESTING = {
        ":",
        "- ",
        "\n",
        "  ",
        "\"",
        "'",
        "[",
        "]",
        "{",
        "}",
        "&a",
        "*a",
        "!!",
        "<<: *a",
        "?",
        "#",
        "\u0000",
        "é",
        "\t",
        "null",
        "~",
        "99999999999999999999",
        "+999999999-01-01T00:00:00Z",
        "1969-12-31",
        "-1",
        "0",
        "1e400",
        "yes",
        "2026-02-30",
        "!!binary",
        "!!python/object"
    };

    static String load(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String mutate(String original, Random random) {
        StringBuilder b = new StringBuilder(original);
        int mutations = 1 + random.nextInt(5);
        for (int m = 0; m < mutations && b.length() > 0; m++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.insert(at, INTERESTING[random.nextInt(INTERESTING.length)]);
                case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(20)));
                case 2 -> b.setLength(at);
                default -> {
                    // Replace a scalar after a colon.
                    int colon = b.indexOf(": ", at);
                    int end = colon < 0 ? -1 : b.indexOf("\n", colon);
                    if (end > 0) {
                        b.replace(colon + 2, end, INTERESTING[random.nextInt(INTERESTING.length)]);
                    }
                }
            }
        }
        return b.toString();
    }

    static void loadsOrRefuses(String yaml) {
        try {
            assertThat(new ProfileLoader().load("profile.yaml", new StringReader(yaml)))
                    .isNotNull();
        } catch (ProfileException e) {
            assertThat(e.getMessage()).startsWith("profile.yaml").doesNotContain("\n\tat ");
        }
    }

    @Provide
    Arbitrary<String> mutatedProfiles() {
        return Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1), Arbitraries.longs())
                .as((seed, random) -> mutate(load(SEEDS.get(seed)), new Random(random)));
    }

    @Property
    void any_mutated_profile_loads_or_is_refused_with_exit_2(@ForAll("mutatedProfiles") String yaml) {
        loadsOrRefuses(yaml);
    }

    @Property
    void any_text_loads_or_is_refused_with_exit_2(@ForAll String yaml) {
        loadsOrRefuses(yaml);
    }
}
