package io.callaudit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One file, one name: however it is typed and wherever the run starts. */
class RepoPathTest {

    @Test
    void should_name_a_file_of_the_work_tree_relative_to_its_root_however_it_is_typed() {
        // Tests run from the repository root (a git work tree: .git is a folder, or a file in a worktree).
        String expected = "examples/aircall/profile.yaml";
        assertThat(RepoPath.of(expected)).isEqualTo(expected);
        assertThat(RepoPath.of("./" + expected)).isEqualTo(expected);
        assertThat(RepoPath.of("examples/./aircall/../aircall/profile.yaml")).isEqualTo(expected);
        assertThat(RepoPath.of(Path.of(expected).toAbsolutePath().toString())).isEqualTo(expected);
    }

    @Test
    void should_normalise_a_path_outside_any_work_tree(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), "x");
        String typed = dir + "/sub/../p.yaml";
        assertThat(RepoPath.of(typed)).isEqualTo(file.toString().replace('\\', '/'));
    }

    @Test
    void should_leave_stdin_uris_and_nothing_alone() {
        assertThat(RepoPath.of("-")).isEqualTo("-");
        assertThat(RepoPath.of("s3://bucket/./a.json")).isEqualTo("s3://bucket/./a.json");
        assertThat(RepoPath.of(null)).isEmpty();
    }
}
