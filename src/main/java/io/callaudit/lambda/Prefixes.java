package io.callaudit.lambda;

import java.util.Objects;

/**
 * The input and output prefixes and what follows from them. An S3 trigger on a prefix that also receives the
 * function's output is the classic infinite loop (every report triggers another audit), so prefixes that
 * overlap are refused before the first event, and output keys are never audited even if an event names one.
 *
 * @param input where batches land, for example {@code incoming/}
 * @param output where reports are written, for example {@code reports/}
 */
public record Prefixes(String input, String output) {

    /**
     * @throws IllegalArgumentException when a prefix is empty or one is a prefix of the other
     */
    public Prefixes {
        Objects.requireNonNull(input, "input prefix");
        Objects.requireNonNull(output, "output prefix");
        if (input.isEmpty() || output.isEmpty()) {
            // An empty prefix is a prefix of every key, so it always overlaps the other one.
            throw new IllegalArgumentException("callaudit.lambda: the input and output prefixes must not be empty"
                    + " (input '" + input + "', output '" + output + "')");
        }
        if (input.startsWith(output) || output.startsWith(input)) {
            throw new IllegalArgumentException("callaudit.lambda: input prefix '" + input + "' and output prefix '"
                    + output + "' overlap; reports written under the input prefix would trigger audits of"
                    + " themselves. Choose disjoint prefixes, such as 'incoming/' and 'reports/'.");
        }
    }

    static Prefixes of(FunctionConfig config) {
        return new Prefixes(config.inputPrefix(), config.outputPrefix());
    }

    /** True for a key the function wrote itself (or could have): never audited. */
    boolean isOutput(String key) {
        return key.startsWith(output);
    }

    /** True for a key the function may audit. */
    boolean isInput(String key) {
        return key.startsWith(input) && key.length() > input.length();
    }

    /** The key below the input prefix, which the report keys mirror under the output prefix. */
    String relative(String key) {
        if (!isInput(key)) {
            throw new IllegalArgumentException("'" + key + "' is not under the input prefix '" + input + "'");
        }
        return key.substring(input.length());
    }
}
