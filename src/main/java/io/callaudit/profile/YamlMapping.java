package io.callaudit.profile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One YAML mapping whose keys have been checked against the keys the contract allows there. Checking
 * every key up front is what makes a typo an error instead of a silently ignored setting.
 */
final class YamlMapping {

    /** Beyond this many edits a suggestion is more likely to confuse than to help. */
    private static final int MAX_SUGGESTION_DISTANCE = 2;

    private record Entry(int keyLine, Node value) {}

    private final ProfileSource source;
    private final String path;
    private final int line;
    private final Map<String, Entry> entries = new HashMap<>();

    YamlMapping(ProfileSource source, String path, MappingNode node, List<String> allowedKeys) {
        this.source = source;
        this.path = path;
        this.line = ProfileSource.line(node);
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int keyLine = ProfileSource.line(keyNode);
            if (!(keyNode instanceof ScalarNode scalar)) {
                throw source.error(keyLine, path, "keys must be plain text, got " + YamlValue.describe(keyNode));
            }
            String key = scalar.getValue();
            String keyPath = ProfileSource.child(path, key);
            if (!allowedKeys.contains(key)) {
                throw source.error(keyLine, keyPath, "unknown key '" + key + "'" + suggestion(key, allowedKeys));
            }
            Entry first = entries.putIfAbsent(key, new Entry(keyLine, tuple.getValueNode()));
            if (first != null) {
                throw source.error(
                        keyLine, keyPath, "duplicate key '" + key + "' (first at line " + first.keyLine() + ")");
            }
            source.recordKey(keyPath, keyLine);
        }
    }

    /** The value under {@code key}; an absent key gives a value that is null and sits on this mapping's line. */
    YamlValue get(String key) {
        Entry entry = entries.get(key);
        String keyPath = ProfileSource.child(path, key);
        return entry == null
                ? new YamlValue(source, keyPath, null, line)
                : new YamlValue(source, keyPath, entry.value(), entry.keyLine());
    }

    ProfileException error(String problem) {
        return source.error(line, path, problem);
    }

    private static String suggestion(String key, List<String> allowedKeys) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowedKeys) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // A one-letter key is within two edits of every short key; suggesting one would be noise.
        boolean close = bestDistance <= MAX_SUGGESTION_DISTANCE && bestDistance < key.length();
        return best != null && close ? " (did you mean '" + best + "'?)" : "";
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent swaps, the commonest typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
