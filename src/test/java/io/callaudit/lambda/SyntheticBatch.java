package io.callaudit.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A large Aircall NDJSON export made from the example's 18 calls: copy {@code k} of call {@code c} gets id
 * {@code 1_000_000 + k * 18 + c} and is moved {@code k} hours back, so copies never overlap in time (no
 * accidental parallel legs) and the outcomes keep the example's mix. Optional padding goes into the calls'
 * {@code comments} (agents' notes, which the audit ignores), to make an object larger than a heap without
 * making the audit result larger. Written as a stream, never held whole.
 */
final class SyntheticBatch {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TIMES = {"started_at", "answered_at", "ended_at"};

    private SyntheticBatch() {}

    /**
     * Writes {@code calls} records to {@code file}; returns its size in bytes.
     *
     * @param padding characters of comment text per call
     */
    static long write(Path examples, long calls, int padding, Path file) throws IOException {
        String sentence = "Customer asked for a callback about the invoice; agent promised an answer by email. ";
        String note = sentence.repeat(padding / sentence.length() + 1).substring(0, padding);
        List<ObjectNode> templates = new ArrayList<>();
        for (JsonNode call : JSON.readTree(examples.toFile()).get("calls")) {
            templates.add((ObjectNode) call);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long i = 0; i < calls; i++) {
                int c = (int) (i % templates.size());
                long copy = i / templates.size();
                ObjectNode call = templates.get(c).deepCopy();
                call.put("id", 1_000_000 + i);
                if (padding > 0) {
                    call.putArray("comments").addObject().put("id", i).put("content", note);
                }
                for (String field : TIMES) {
                    if (call.hasNonNull(field)) {
                        call.put(field, call.get(field).asLong() - copy * 3600);
                    }
                }
                out.write(JSON.writeValueAsBytes(call));
                out.write('\n');
            }
        }
        return Files.size(file);
    }
}
