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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Keeps the first calls of a batch on the heap and writes the rest to a temporary file in a compact binary
 * form, so a batch of millions has its results for every report format without holding them in memory. A
 * spilled result keeps what reports use: the call's id and source, its outcome and its findings.
 * Reports read the results back in order, as often as they need; the file is removed when the JVM exits.
 */
final class SpillingResultStore implements ResultStore {

    /** Rule ids by position, so a finding on disk names its rule in two bytes. */
    private static final List<String> RULES_BY_ID =
            RuleSet.builtIn().all().stream().map(RuleInfo::id).toList();

    private static final Map<String, Integer> RULE_INDEX = new HashMap<>();

    static {
        for (int i = 0; i < RULES_BY_ID.size(); i++) {
            RULE_INDEX.put(RULES_BY_ID.get(i), i);
        }
    }

    /** Small batches never touch the disk. */
    static final int IN_MEMORY = 4_096;

    private final RuleSet rules;
    private final int inMemory;
    private final List<CallResult> head = new ArrayList<>();
    private Path file;
    private DataOutputStream out;
    private Encoder encoder;
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
                encoder = new Encoder(out);
            }
            encoder.write(result);
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
        private Decoder cursorDecoder;
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
                    r = cursorDecoder.read();
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
            cursorDecoder = new Decoder(cursor, rules);
            cursorIndex = -1;
        }

        @Override
        public Iterator<CallResult> iterator() {
            return new Iterator<>() {
                private final Iterator<CallResult> fromHead = head.iterator();
                private DataInputStream in;
                private Decoder decoder;
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
                            decoder = new Decoder(in, rules);
                        }
                        read++;
                        return decoder.read();
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

    // The binary form: one result after another, fields in declaration order, nulls flagged. Strings that repeat
    // across results (file names, line and flow ids, profile keys) are written once and then by number, and a
    // finding's call id and source, nearly always its call's, are written as "the call's".

    /** How many distinct repeating strings are numbered; later ones are written out each time. */
    private static final int DICTIONARY = 4096;

    private static final int NULL = 0;
    private static final int LITERAL = 1;
    private static final int NUMBERED = 2;
    private static final int THE_CALLS = 3;
    /** A literal that also takes the next number. */
    private static final int NUMBERED_LITERAL = 4;

    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final Severity[] SEVERITIES = Severity.values();

    /** Writes results; one per spill file, since numbering starts with the file. */
    static final class Encoder {
        private final DataOutputStream o;
        private final Map<String, Integer> numbers = new HashMap<>();

        Encoder(DataOutputStream o) {
            this.o = o;
        }

        void write(CallResult r) throws IOException {
            CallRecord call = r.call();
            str(call.id());
            source(call.source(), null);
            o.writeByte(r.outcome().ordinal());
            o.writeBoolean(r.ingestionConfigured());
            o.writeShort(r.findings().size());
            for (Finding f : r.findings()) {
                writeFinding(f, call);
            }
        }

        private void writeFinding(Finding f, CallRecord call) throws IOException {
            o.writeShort(RULE_INDEX.get(f.rule().id()));
            o.writeByte(f.severity().ordinal());
            writeArgs(f.args());
            if (f.callId() != null && f.callId().equals(call.id())) {
                o.writeByte(THE_CALLS);
            } else {
                str(f.callId());
            }
            shared(f.numberId());
            shared(f.flowId());
            source(f.source(), call.source());
            o.writeBoolean(f.location() != null);
            if (f.location() != null) {
                shared(f.location().file());
                o.writeInt(f.location().line());
                shared(f.location().key());
            }
        }

        private void writeArgs(List<Object> args) throws IOException {
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
                    str(s.value());
                } else if (a instanceof Localized l) {
                    o.writeByte(6);
                    o.writeUTF(l.key());
                    writeArgs(l.args());
                } else {
                    o.writeByte(1);
                    shared(String.valueOf(a));
                }
            }
        }

        private void str(String s) throws IOException {
            if (s == null) {
                o.writeByte(NULL);
            } else {
                o.writeByte(LITERAL);
                o.writeUTF(s);
            }
        }

        private void shared(String s) throws IOException {
            Integer n = s == null ? null : numbers.get(s);
            if (n != null) {
                o.writeByte(NUMBERED);
                o.writeShort(n);
            } else if (s != null && numbers.size() < DICTIONARY) {
                numbers.put(s, numbers.size());
                o.writeByte(NUMBERED_LITERAL);
                o.writeUTF(s);
            } else {
                str(s);
            }
        }

        private void source(SourceRef s, SourceRef calls) throws IOException {
            if (s == null) {
                o.writeByte(NULL);
            } else if (s.equals(calls)) {
                o.writeByte(THE_CALLS);
            } else {
                o.writeByte(LITERAL);
                shared(s.file());
                o.writeLong(s.line());
            }
        }
    }

    /** Reads what an {@link Encoder} wrote, from the start of the file. */
    static final class Decoder {
        private final DataInputStream in;
        private final RuleSet rules;
        private final List<String> numbered = new ArrayList<>();

        Decoder(DataInputStream in, RuleSet rules) {
            this.in = in;
            this.rules = rules;
        }

        /** A spilled call keeps what reports print of it: its id and where it was read. */
        CallResult read() throws IOException {
            String id = str();
            SourceRef source = source(null);
            CallRecord call = CallRecord.builder().id(id).source(source).build();
            Outcome outcome = OUTCOMES[in.readByte()];
            boolean ingestion = in.readBoolean();
            int n = in.readShort();
            List<Finding> findings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                findings.add(readFinding(call));
            }
            return new CallResult(call, outcome, findings, ingestion);
        }

        private Finding readFinding(CallRecord call) throws IOException {
            RuleInfo rule = rules.get(RULES_BY_ID.get(in.readShort()));
            Severity severity = SEVERITIES[in.readByte()];
            List<Object> args = readArgs();
            String callId = str(call.id());
            String numberId = str(null);
            String flowId = str(null);
            SourceRef source = source(call.source());
            ProfileLocation location = in.readBoolean() ? new ProfileLocation(str(), in.readInt(), str()) : null;
            return new Finding(rule, severity, args, callId, numberId, flowId, source, location);
        }

        private List<Object> readArgs() throws IOException {
            int n = in.readByte();
            List<Object> args = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte tag = in.readByte();
                args.add(
                        switch (tag) {
                            case 0 -> null;
                            case 1 -> str();
                            case 2 -> in.readLong();
                            case 3 -> in.readInt();
                            case 4 -> in.readDouble();
                            case 5 -> new Sensitive(Sensitive.Kind.values()[in.readByte()], str());
                            case 6 -> new Localized(in.readUTF(), readArgs());
                            default -> throw new IOException("corrupt result file: argument tag " + tag);
                        });
            }
            return args;
        }

        private String str() throws IOException {
            return str(null);
        }

        /** @param calls what {@link #THE_CALLS} stands for here */
        private String str(String calls) throws IOException {
            int tag = in.readByte();
            switch (tag) {
                case NULL:
                    return null;
                case LITERAL:
                    return in.readUTF();
                case NUMBERED_LITERAL:
                    String s = in.readUTF();
                    numbered.add(s);
                    return s;
                case NUMBERED:
                    return numbered.get(in.readUnsignedShort());
                case THE_CALLS:
                    return calls;
                default:
                    throw new IOException("corrupt result file: string tag " + tag);
            }
        }

        private SourceRef source(SourceRef calls) throws IOException {
            int tag = in.readByte();
            return switch (tag) {
                case NULL -> null;
                case THE_CALLS -> calls;
                case LITERAL -> new SourceRef(str(), in.readLong());
                default -> throw new IOException("corrupt result file: source tag " + tag);
            };
        }
    }
}
