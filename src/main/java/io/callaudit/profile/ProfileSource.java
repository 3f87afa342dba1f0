package io.callaudit.profile;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * State shared by every value of one profile while it is read: the file name errors must carry, the key
 * lines findings will point at, and the zone that zone-less timestamps are read in. One instance per load,
 * so the loader itself stays stateless and thread-safe.
 */
final class ProfileSource {

    private final String file;
    private final Map<String, Integer> keyLines = new LinkedHashMap<>();
    private final Resolver resolver = new Resolver();
    private ZoneId zone = ZoneOffset.UTC;

    ProfileSource(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /** Zone for timestamps written without an offset; set once {@code timezone} has been read. */
    ZoneId zone() {
        return zone;
    }

    void zone(ZoneId zone) {
        this.zone = zone;
    }

    void recordKey(String path, int line) {
        keyLines.putIfAbsent(path, line);
    }

    Map<String, Integer> keyLines() {
        return keyLines;
    }

    ProfileException error(int line, String path, String problem) {
        return new ProfileException(file, line, path == null || path.isEmpty() ? null : path, problem);
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    /**
     * Rejects anchors, aliases and explicit tags anywhere in the tree, before any value is read.
     *
     * <p>Anchors and aliases go because an aliased value has no line of its own: a finding about it would
     * point at the anchor, somewhere else in the file. Tags go because the loader reads scalar text by the
     * key's declared type, so a tag could only mislead a reviewer about what is read. A tag that merely
     * restates what YAML would infer anyway ({@code !!int 90}) cannot be told apart from no tag and is
     * harmless.
     */
    void rejectAnchorsAndTags(Node node, String path) {
        if (node.getAnchor() != null) {
            throw error(
                    line(node),
                    path,
                    "anchors and aliases are not supported (found '&" + node.getAnchor()
                            + "'): write the value out so every key has its own line");
        }
        NodeId id = node.getNodeId();
        if (id == NodeId.scalar) {
            ScalarNode scalar = (ScalarNode) node;
            Tag implicit = resolver.resolve(NodeId.scalar, scalar.getValue(), scalar.isPlain());
            if (!implicit.equals(node.getTag())) {
                throw unsupportedTag(node, path);
            }
        } else if (id == NodeId.sequence) {
            if (!Tag.SEQ.equals(node.getTag())) {
                throw unsupportedTag(node, path);
            }
            List<Node> items = ((SequenceNode) node).getValue();
            for (int i = 0; i < items.size(); i++) {
                rejectAnchorsAndTags(items.get(i), item(path, i));
            }
        } else if (id == NodeId.mapping) {
            if (!Tag.MAP.equals(node.getTag())) {
                throw unsupportedTag(node, path);
            }
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                Node key = tuple.getKeyNode();
                rejectAnchorsAndTags(key, path);
                String childPath = key instanceof ScalarNode scalar ? child(path, scalar.getValue()) : path;
                rejectAnchorsAndTags(tuple.getValueNode(), childPath);
            }
        }
    }

    private ProfileException unsupportedTag(Node node, String path) {
        String tag = node.getTag().getValue();
        if (tag.startsWith(Tag.PREFIX)) {
            tag = "!!" + tag.substring(Tag.PREFIX.length());
        } else if (!tag.startsWith("!")) {
            tag = "!<" + tag + ">";
        }
        return error(
                line(node),
                path,
                "YAML tags are not supported (found '" + tag
                        + "'): write the plain value, quoted if it must stay text");
    }
}
