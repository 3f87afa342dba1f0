package io.callaudit.audit;

import io.callaudit.engine.CallResult;
import io.callaudit.engine.Outcome;
import io.callaudit.engine.ResultStore;
import io.callaudit.engine.SealedResults;
import io.callaudit.model.CallRecord;
import io.callaudit.model.ProfileLocation;
import io.callaudit.model.SourceRef;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Localized;
import io.callaudit.rules.RuleInfo;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Sensitive;
import io.callaudit.rules.Severity;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Keeps the first calls of a batch on the heap and writes the rest to a temporary file in a compact binary
 * form, so a batch of millions has its results for every report format without holding them in memory. A
 * spilled result keeps what reports use: the call's id and source, its outcome and its findings.
 * Reports read the results back in order, as often as they need; the file is removed when the JVM exits.
 */
final class SpillingResultStore implements ResultStore {

    /** Rule ids by position, so a finding on disk names its rule in two bytes. */
    private static final List<String> RULES_BY_ID = RuleSet.builtIn().all().stream().map(RuleInfo::id).toList();

    /** Small batches never touch the disk. */
    static final int IN_MEMORY = 20_000;

    private final RuleSet rules;
    private final int inMemory;
    private final List<CallResult> head = new ArrayList<>();
    private Path file;
    private DataOutputStream out;
    private int spilled;

    SpillingResultStore(RuleSet rules) {
        this(rules, IN_MEMORY);
    }

    SpillingResultStore(RuleSet rules, int inMemory) {
        this.rules = rules;
        this.inMemory = inMemory;
    }

    @Override
    public void add(CallResult result) {
        if (head.size() < inMemory) {
            head.add(result);
            return;
        }
        try {
            if (out == null) {
                file = Files.createTempFile("callaudit-results", ".bin");
                file.toFile().deleteOnExit();
                out = new DataOutputStream(new UnsyncBufferedOutput(Files.newOutputStream(file), 1 << 16));
            }
            writeResult(out, result);
            spilled++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill audit results to a temporary file", e);
        }
    }

    @Override
    public SealedResults seal() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Results(List.copyOf(head), file, spilled, rules);
    }

    /** The sealed results: the heap part, then the file part read sequentially. */
    private static final class Results extends SealedResults {
        private final List<CallResult> head;
        private final Path file;
        private final int spilled;
        private final RuleSet rules;
        private DataInputStream cursor;
        private int cursorIndex = -1;

        Results(List<CallResult> head, Path file, int spilled, RuleSet rules) {
            this.head = head;
            this.file = file;
            this.spilled = spilled;
            this.rules = rules;
        }

        @Override
        public int size() {
            return head.size() + spilled;
        }

        /** Random access re-reads from the start when it goes backwards; reports only walk forwards. */
        @Override
        public synchronized CallResult get(int index) {
            if (index < head.size()) {
                return head.get(index);
            }
            int i = index - head.size();
            if (i >= spilled || i < 0) {
                throw new IndexOutOfBoundsException(index);
            }
            try {
                if (cursor == null || i <= cursorIndex) {
                    reopen();
                }
                CallResult r = null;
                while (cursorIndex < i) {
                    r = readResult(cursor, rules);
                    cursorIndex++;
                }
                return r;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void close() {
            try {
                if (cursor != null) {
                    cursor.close();
                    cursor = null;
                }
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the spilled results " + file, e);
            }
        }

        private void reopen() throws IOException {
            if (cursor != null) {
                cursor.close();
            }
            cursor = new DataInputStream(new UnsyncBufferedInput(Files.newInputStream(file), 1 << 16));
            cursorIndex = -1;
        }

        @Override
        public Iterator<CallResult> iterator() {
            return new Iterator<>() {
                private final Iterator<CallResult> fromHead = head.iterator();
                private DataInputStream in;
                private int read;

                @Override
                public boolean hasNext() {
                    boolean more = fromHead.hasNext() || read < spilled;
                    if (!more) {
                        close();
                    }
                    return more;
                }

                @Override
                public CallResult next() {
                    if (fromHead.hasNext()) {
                        return fromHead.next();
                    }
                    if (read >= spilled) {
                        throw new NoSuchElementException();
                    }
                    try {
                        if (in == null) {
                            in = new DataInputStream(new UnsyncBufferedInput(Files.newInputStream(file), 1 << 16));
                        }
                        read++;
                        return readResult(in, rules);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                private void close() {
                    if (in != null) {
                        try {
                            in.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        in = null;
                    }
                }
            };
        }
    }

    // The binary form: one result after another, fields in declaration order, nulls flagged.

    static void writeResult(DataOutputStream o, CallResult r) throws IOException {
        writeCall(o, r.call());
        o.writeByte(r.outcome().ordinal());
        o.writeBoolean(r.ingestionConfigured());
        o.writeShort(r.findings().size());
        for (Finding f : r.findings()) {
            writeFinding(o, f);
        }
    }

    static CallResult readResult(DataInputStream in, RuleSet rules) throws IOException {
        CallRecord call = readCall(in);
        Outcome outcome = Outcome.values()[in.readByte()];
        boolean ingestion = in.readBoolean();
        int n = in.readShort();
        List<Finding> findings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            findings.add(readFinding(in, rules));
        }
        return new CallResult(call, outcome, findings, ingestion);
    }

    /**
     * A spilled call keeps what reports print of it, its id and where it was read; everything the rules
     * needed has already been turned into findings. Reading back gives a record with just those two.
     */
    private static void writeCall(DataOutputStream o, CallRecord c) throws IOException {
        str(o, c.id());
        source(o, c.source());
    }

    private static CallRecord readCall(DataInputStream in) throws IOException {
        return CallRecord.builder().id(str(in)).source(source(in)).build();
    }

    private static void writeFinding(DataOutputStream o, Finding f) throws IOException {
        o.writeShort(RULES_BY_ID.indexOf(f.ruleId()));
        o.writeByte(f.severity().ordinal());
        writeArgs(o, f.args());
        str(o, f.callId());
        str(o, f.numberId());
        str(o, f.flowId());
        source(o, f.source());
        o.writeBoolean(f.location() != null);
        if (f.location() != null) {
            str(o, f.location().file());
            o.writeInt(f.location().line());
            str(o, f.location().key());
        }
    }

    private static Finding readFinding(DataInputStream in, RuleSet rules) throws IOException {
        RuleInfo rule = rules.get(RULES_BY_ID.get(in.readShort()));
        Severity severity = Severity.values()[in.readByte()];
        List<Object> args = readArgs(in);
        String callId = str(in);
        String numberId = str(in);
        String flowId = str(in);
        SourceRef source = source(in);
        ProfileLocation location = in.readBoolean() ? new ProfileLocation(str(in), in.readInt(), str(in)) : null;
        return new Finding(rule, severity, args, callId, numberId, flowId, source, location);
    }

    private static void writeArgs(DataOutputStream o, List<Object> args) throws IOException {
        o.writeByte(args.size());
        for (Object a : args) {
            if (a == null) {
                o.writeByte(0);
            } else if (a instanceof Long l) {
                o.writeByte(2);
                o.writeLong(l);
            } else if (a instanceof Integer i) {
                o.writeByte(3);
                o.writeInt(i);
            } else if (a instanceof Double d) {
                o.writeByte(4);
                o.writeDouble(d);
            } else if (a instanceof Sensitive s) {
                o.writeByte(5);
                o.writeByte(s.kind().ordinal());
                str(o, s.value());
            } else if (a instanceof Localized l) {
                o.writeByte(6);
                o.writeUTF(l.key());
                writeArgs(o, l.args());
            } else {
                o.writeByte(1);
                str(o, String.valueOf(a));
            }
        }
    }

    private static List<Object> readArgs(DataInputStream in) throws IOException {
        int n = in.readByte();
        List<Object> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte tag = in.readByte();
            args.add(switch (tag) {
                case 0 -> null;
                case 1 -> str(in);
                case 2 -> in.readLong();
                case 3 -> in.readInt();
                case 4 -> in.readDouble();
                case 5 -> new Sensitive(Sensitive.Kind.values()[in.readByte()], str(in));
                case 6 -> new Localized(in.readUTF(), readArgs(in));
                default -> throw new IOException("corrupt result file: argument tag " + tag);
            });
        }
        return args;
    }

    private static void str(DataOutputStream o, String s) throws IOException {
        o.writeBoolean(s != null);
        if (s != null) {
            o.writeUTF(s);
        }
    }

    private static String str(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void source(DataOutputStream o, SourceRef s) throws IOException {
        o.writeBoolean(s != null);
        if (s != null) {
            str(o, s.file());
            o.writeLong(s.line());
        }
    }

    private static SourceRef source(DataInputStream in) throws IOException {
        return in.readBoolean() ? new SourceRef(str(in), in.readLong()) : null;
    }
}
