package io.callaudit.cli;

import io.callaudit.audit.AuditService;
import io.callaudit.profile.ProfileLoader;
import io.callaudit.rules.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;

/**
 * Runs the command line as the program does (same wiring, same handlers) with captured writers and a
 * chosen standard input, without booting Quarkus for every case.
 */
record CliRun(int exitCode, String out, String err) {

    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

    static CliRun run(String... args) {
        return runWithStdin("", args);
    }

    static CliRun runWithStdin(String stdin, String... args) {
        return runWithStdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    static CliRun runWithStdin(InputStream stdin, String... args) {
        return runWithDebugEnv(stdin, null, args);
    }

    /** @param debugEnv the value {@code CALLAUDIT_DEBUG} has for this run, or null when unset */
    static CliRun runWithDebugEnv(InputStream stdin, String debugEnv, String... args) {
        AuditService service =
                new AuditService(RuleSet.builtIn(), new ProfileLoader(), stdin, Clock.fixed(NOW, ZoneOffset.UTC));
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == AuditCommand.class) {
                    return cls.cast(new AuditCommand(service));
                }
                if (cls == CheckConfigCommand.class) {
                    return cls.cast(new CheckConfigCommand(service));
                }
                if (cls == DiffCommand.class) {
                    return cls.cast(new DiffCommand(service));
                }
                if (cls == ExplainCommand.class) {
                    return cls.cast(new ExplainCommand(service));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        CommandLine cmd = CliWiring.configure(new CommandLine(new CallauditCommand(), factory), debugEnv);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * A command line wired once and run many times with a fresh standard input each time, for campaigns of
     * thousands of runs (the fuzz properties); same wiring and handlers as {@link #run}.
     */
    static Reusable reusable() {
        return new Reusable();
    }

    static final class Reusable {

        private final SwitchableStdin stdin = new SwitchableStdin();
        private final CommandLine cmd;
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();

        private Reusable() {
            AuditService service =
                    new AuditService(RuleSet.builtIn(), new ProfileLoader(), stdin, Clock.fixed(NOW, ZoneOffset.UTC));
            CommandLine.IFactory factory = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> cls) throws Exception {
                    if (cls == AuditCommand.class) {
                        return cls.cast(new AuditCommand(service));
                    }
                    return CommandLine.defaultFactory().create(cls);
                }
            };
            cmd = CliWiring.configure(new CommandLine(new CallauditCommand(), factory), null);
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
        }

        synchronized CliRun run(InputStream in, String... args) {
            stdin.current = in;
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            int code = cmd.execute(args);
            return new CliRun(code, out.toString(), err.toString());
        }
    }

    /** Standard input that reads whichever stream the next run was given. */
    private static final class SwitchableStdin extends InputStream {
        InputStream current = InputStream.nullInputStream();

        @Override
        public int read() throws java.io.IOException {
            return current.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            return current.read(b, off, len);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
