package io.callaudit.gate;

import io.callaudit.model.WireEnum;
import io.callaudit.profile.YamlDocument;
import io.callaudit.rules.Family;
import io.callaudit.rules.RuleInfo;
import io.callaudit.rules.RuleSet;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a reviewed waivers file (DOMAIN.md, "Waivers"):
 *
 * <pre>
 * waivers:
 *   - rule: gap.recording-disabled     # a rule id, or a family wildcard such as ingest.*
 *     target: {number: "813"}          # exactly one of call, number, flow, key
 *     reason: "Sales UK outbound is not recorded by policy"
 *     owner: ana@acme.example
 *     expires: 2027-03-31              # the last day it suppresses
 * </pre>
 *
 * <p>Two levels of strictness, on purpose. A file that is not YAML or not a mapping with a {@code waivers} list
 * is a usage error ({@link GateFileException}): the gate cannot know what was meant to be waived, and passing
 * or failing on a guess would both be wrong. A single bad entry (a missing field, an unknown rule, a bad date,
 * two targets, an unknown key) only disables that entry and is reported as {@code waiver.malformed}, because
 * the safe reading of an unreviewable exception is "no exception", and the other entries are still good.
 *
 * <p>The YAML is composed into nodes and read by hand, as the profile loader does, so every entry keeps its
 * line, values are taken as written ({@code number: 0812} keeps its zero) and no reflection is needed in a
 * native image. Anchors, aliases and explicit tags make an entry malformed: an aliased value has no line of
 * its own, and a reviewer should see in the entry exactly what it waives.
 *
 * <p>Stateless and thread-safe: each call builds its own parser.
 */
public final class WaiverLoader {

    /** Far more than any reviewed list; a wrong file (a call log) fails fast instead of being parsed. */
    static final int CODE_POINT_LIMIT = 1024 * 1024;

    private static final String ROOT_KEY = "waivers";
    private static final List<String> ENTRY_KEYS = List.of("rule", "target", "reason", "owner", "expires");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final RuleSet rules;

    /** @param rules the rules a waiver may name; an unknown id makes the entry malformed */
    public WaiverLoader(RuleSet rules) {
        this.rules = rules;
    }

    /**
     * Reads the waivers at {@code path}; the path as given is what findings and messages show.
     *
     * @throws GateFileException when the file cannot be read or is not a waivers file at the top level
     */
    public Waivers load(Path path) {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            throw new GateFileException(file, 0, "cannot read waivers: is a directory");
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return load(file, reader);
        } catch (NoSuchFileException e) {
            throw new GateFileException(file, 0, "cannot read waivers: no such file", e);
        } catch (AccessDeniedException e) {
            throw new GateFileException(file, 0, "cannot read waivers: permission denied", e);
        } catch (IOException e) {
            throw new GateFileException(file, 0, "cannot read waivers: " + e.getMessage(), e);
        }
    }

    /**
     * Reads waivers from {@code reader}, which the caller owns and closes.
     *
     * @param fileName the name to report, as the user gave it
     * @throws GateFileException when the text is not a waivers file at the top level
     */
    public Waivers load(String fileName, Reader reader) {
        Node root = compose(fileName, reader);
        if (root == null) {
            throw new GateFileException(
                    fileName,
                    1,
                    "waivers file is empty (expected a mapping with a 'waivers'"
                            + " list; write 'waivers: []' for none)");
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new GateFileException(
                    fileName, line(root), "expected a mapping with a 'waivers' list, got " + describe(root));
        }
        rejectAnchor(fileName, root);
        Node list = null;
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            String name = key instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (!ROOT_KEY.equals(name)) {
                throw new GateFileException(
                        fileName,
                        line(key),
                        "unknown top-level key " + (name == null ? describe(key) : "'" + name + "'")
                                + " (expected only 'waivers')");
            }
            if (list != null) {
                throw new GateFileException(
                        fileName, line(key), "duplicate key 'waivers' (first at line " + line(list) + ")");
            }
            list = tuple.getValueNode();
        }
        if (list == null) {
            throw new GateFileException(fileName, line(root), "missing 'waivers' list");
        }
        rejectAnchor(fileName, list);
        if (isNull(list)) {
            return new Waivers(fileName, List.of(), List.of());
        }
        if (!(list instanceof SequenceNode sequence)) {
            throw new GateFileException(
                    fileName, line(list), "'waivers' must be a list of entries, got " + describe(list));
        }
        List<Waiver> waivers = new ArrayList<>();
        List<MalformedWaiver> malformed = new ArrayList<>();
        List<Node> entries = sequence.getValue();
        for (int i = 0; i < entries.size(); i++) {
            Node entry = entries.get(i);
            List<String> problems = new ArrayList<>();
            Waiver waiver = entry(fileName, i, entry, problems);
            if (problems.isEmpty()) {
                waivers.add(waiver);
            } else {
                malformed.add(new MalformedWaiver(fileName, line(entry), i, String.join("; ", problems)));
            }
        }
        return new Waivers(fileName, waivers, malformed);
    }

    /** Reads one entry; returns null and fills {@code problems} when it is malformed. */
    private Waiver entry(String file, int index, Node node, List<String> problems) {
        String shapeProblem = notationProblem(node, new Resolver());
        if (shapeProblem != null) {
            problems.add(shapeProblem);
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add("expected a mapping with " + String.join(", ", ENTRY_KEYS) + ", got " + describe(node));
            return null;
        }
        Map<String, Node> fields = fields(mapping, ENTRY_KEYS, "", problems);
        String rule = text(fields, "rule", problems);
        if (rule != null) {
            String ruleProblem = ruleProblem(rule);
            if (ruleProblem != null) {
                problems.add(ruleProblem);
            }
        }
        Map.Entry<TargetKind, String> target = target(fields.get("target"), problems);
        String reason = text(fields, "reason", problems);
        String owner = text(fields, "owner", problems);
        LocalDate expires = date(fields, "expires", problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Waiver(rule, target.getKey(), target.getValue(), reason, owner, expires, file, line(node), index);
    }

    /**
     * The mapping's values by key, each key checked against {@code allowed}. Unknown, duplicate and non-text
     * keys are problems; the first value of a duplicate is kept so the other fields are still checked.
     */
    private static Map<String, Node> fields(
            MappingNode mapping, List<String> allowed, String prefix, List<String> problems) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                problems.add("keys must be plain text, got " + describe(keyNode) + " at line " + line(keyNode));
                continue;
            }
            String key = scalar.getValue();
            if (!allowed.contains(key)) {
                problems.add("unknown key '" + prefix + key + "' at line " + line(keyNode) + " (expected "
                        + String.join(", ", allowed) + ")");
                continue;
            }
            if (fields.putIfAbsent(key, tuple.getValueNode()) != null) {
                problems.add("duplicate key '" + prefix + key + "' at line " + line(keyNode));
            }
        }
        return fields;
    }

    /** Non-empty text as written; numbers and dates stay text ({@code call: 0812} is {@code "0812"}). */
    private static String text(Map<String, Node> fields, String key, List<String> problems) {
        Node node = fields.get(key);
        if (node == null) {
            problems.add("missing '" + key + "'");
            return null;
        }
        return scalarText(node, "'" + key + "'", problems);
    }

    private static String scalarText(Node node, String what, List<String> problems) {
        if (!(node instanceof ScalarNode scalar)) {
            problems.add(what + " must be text, got " + describe(node));
            return null;
        }
        if (isNull(scalar) || scalar.getValue().isBlank()) {
            problems.add(what + " is empty");
            return null;
        }
        return scalar.getValue().strip();
    }

    /**
     * YYYY-MM-DD, checked against the calendar. A date-time is refused rather than truncated: "until when" in
     * a waiver is a day, and a time would suggest a precision the gate does not have.
     */
    private static LocalDate date(Map<String, Node> fields, String key, List<String> problems) {
        String text = text(fields, key, problems);
        if (text == null) {
            return null;
        }
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                // falls through to the message below: the shape is right but the day does not exist
            }
        }
        problems.add("'" + key + "' must be a date YYYY-MM-DD, got '" + text + "'");
        return null;
    }

    /** An exact known id, or {@code family.*} for a family that has rules; the waiver rules themselves excluded. */
    private String ruleProblem(String rule) {
        Set<String> families = new LinkedHashSet<>();
        for (RuleInfo info : rules.all()) {
            if (info.family() != Family.WAIVER) {
                families.add(info.family().wire() + ".*");
            }
        }
        if (rule.equals(Family.WAIVER.wire() + ".*") || rule.startsWith(Family.WAIVER.wire() + ".")) {
            return "rule '" + rule + "' cannot be waived: an expired or malformed waiver must always be seen";
        }
        if (rule.endsWith(".*")) {
            return families.contains(rule)
                    ? null
                    : "unknown rule family '" + rule + "' (expected one of " + String.join(", ", families) + ")";
        }
        return rules.get(rule) != null
                ? null
                : "unknown rule '" + rule + "' (expected a rule id such as gap.recording-disabled, or a family"
                        + " such as ingest.*)";
    }

    /** Exactly one of call, number, flow, key, with a non-empty value. */
    private static Map.Entry<TargetKind, String> target(Node node, List<String> problems) {
        List<String> kinds = new ArrayList<>();
        for (TargetKind kind : TargetKind.values()) {
            kinds.add(kind.wire());
        }
        String expected = "exactly one of " + String.join(", ", kinds);
        if (node == null) {
            problems.add("missing 'target' (" + expected + ")");
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add("'target' must be a mapping with " + expected + ", got " + describe(node));
            return null;
        }
        int before = problems.size();
        Map<String, Node> fields = fields(mapping, kinds, "target.", problems);
        if (fields.isEmpty()) {
            if (problems.size() == before) {
                problems.add("'target' names nothing (" + expected + ")");
            }
            return null;
        }
        if (fields.size() > 1) {
            problems.add("'target' names " + String.join(" and ", fields.keySet()) + ": a waiver targets " + expected);
            return null;
        }
        Map.Entry<String, Node> only = fields.entrySet().iterator().next();
        String value = scalarText(only.getValue(), "'target." + only.getKey() + "'", problems);
        if (value == null || problems.size() > before) {
            return null;
        }
        return Map.entry(WireEnum.parse(TargetKind.class, only.getKey()), value);
    }

    /** Anchors, aliases and explicit tags anywhere in the entry; null when it has none. */
    private static String notationProblem(Node node, Resolver resolver) {
        if (node.getAnchor() != null) {
            return "anchors and aliases are not supported (found '&" + node.getAnchor() + "' at line " + line(node)
                    + "): write the value out";
        }
        NodeId id = node.getNodeId();
        Tag implicit = switch (id) {
            case scalar ->
                resolver.resolve(NodeId.scalar, ((ScalarNode) node).getValue(), ((ScalarNode) node).isPlain());
            case sequence -> Tag.SEQ;
            case mapping -> Tag.MAP;
            default -> node.getTag();
        };
        if (!implicit.equals(node.getTag())) {
            return "YAML tags are not supported (found '" + node.getTag().getValue() + "' at line " + line(node)
                    + "): write the plain value";
        }
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                String problem = notationProblem(item, resolver);
                if (problem != null) {
                    return problem;
                }
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String problem = notationProblem(tuple.getKeyNode(), resolver);
                if (problem == null) {
                    problem = notationProblem(tuple.getValueNode(), resolver);
                }
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    /** An anchor on the document or on the list would alias entries, whose lines then lie. */
    private static void rejectAnchor(String file, Node node) {
        if (node.getAnchor() != null) {
            throw new GateFileException(
                    file, line(node), "anchors and aliases are not supported (found '&" + node.getAnchor() + "')");
        }
    }

    private static Node compose(String fileName, Reader reader) {
        return YamlDocument.compose(
                reader,
                "waivers",
                CODE_POINT_LIMIT,
                (line, problem, cause) -> new GateFileException(fileName, line, problem, cause));
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /** What was written, in words a user recognises in their file. */
    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        return isNull(scalar) ? "null" : "'" + scalar.getValue() + "'";
    }
}
