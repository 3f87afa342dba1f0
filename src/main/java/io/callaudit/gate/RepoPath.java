package io.callaudit.gate;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A file as a finding's identity names it: relative to the root of the git work tree that holds it, else
 * the path as given with {@code ./} and {@code ..} resolved, always with {@code /}. The same profile typed
 * as {@code ./profiles/main.yaml}, {@code profiles/main.yaml} or from a sub-folder is one file, so a
 * baseline or a code-scanning alert does not depend on where the run started or how the path was typed.
 *
 * <p>Thread-safe; a folder's work-tree root is looked up once per process.
 */
public final class RepoPath {

    private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*://.*");
    private static final Map<Path, Optional<Path>> ROOTS = new ConcurrentHashMap<>();

    private RepoPath() {}

    /** The stable name of {@code typed}; empty for none, stdin's {@code -} and URIs ({@code s3://}) unchanged. */
    public static String of(String typed) {
        if (typed == null || typed.isEmpty()) {
            return "";
        }
        if (typed.equals("-") || URI.matcher(typed).matches()) {
            return typed;
        }
        Path given;
        try {
            given = Path.of(typed);
        } catch (InvalidPathException e) {
            return typed;
        }
        Path absolute = given.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Optional<Path> root = parent == null ? Optional.empty() : ROOTS.computeIfAbsent(parent, RepoPath::root);
        Path named = root.map(r -> r.relativize(absolute)).orElse(given.normalize());
        return named.toString().replace('\\', '/');
    }

    /** The nearest folder at or above {@code dir} holding {@code .git} (a folder, or a file in a worktree). */
    private static Optional<Path> root(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
