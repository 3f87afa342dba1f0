package io.callaudit.profile;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes a reviewed YAML file (a profile, a waiver file) into nodes that keep their line numbers, the same
 * safe way for every such file: no tags, no recursive keys, a size limit, and a failure that names the line.
 * No bean mapping, so nothing needs reflection in a native image.
 */
public final class YamlDocument {

    /** How a caller turns a composing failure into its own error type: line 0 means the whole file. */
    @FunctionalInterface
    public interface Failure {
        RuntimeException at(int line, String problem, Exception cause);
    }

    private YamlDocument() {}

    /**
     * @param what the kind of file, for messages ("profile", "waivers")
     * @param codePointLimit the largest file accepted, in code points
     */
    public static Node compose(Reader reader, String what, int codePointLimit, Failure failure) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(codePointLimit);
        options.setAllowRecursiveKeys(false);
        options.setTagInspector(tag -> false);
        // Aliases are rejected after composing, with the anchor's line; composing never expands them and the
        // code-point limit bounds how many there can be, so SnakeYAML's own cap would only blur that message.
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        DumperOptions dumperOptions = new DumperOptions();
        Yaml yaml = new Yaml(
                new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options, new Resolver());
        try {
            return yaml.compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            // The context says what the parser was doing ("expected a single document in the stream"); without it
            // some problems ("but found another document") read as half a sentence.
            String problem = e.getContext() == null
                    ? e.getProblem()
                    : e.getProblem() == null ? e.getContext() : e.getContext() + ", " + e.getProblem();
            throw failure.at(line, "invalid YAML: " + problem, e);
        } catch (YAMLException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw failure.at(0, "cannot read " + what + ": not valid UTF-8", e);
            }
            if (e.getCause() instanceof IOException io) {
                throw failure.at(0, "cannot read " + what + ": " + io.getMessage(), e);
            }
            throw failure.at(0, "invalid YAML: " + e.getMessage(), e);
        }
    }
}
