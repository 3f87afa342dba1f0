package io.callaudit.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Where audited calls go while the batch streams past. In memory by default; the audit service swaps in one
 * that spills to disk, so a batch of millions keeps its results without keeping them on the heap.
 */
public interface ResultStore {

    void add(CallResult result);

    /** The results in the order they were added; read-only, and iterable as often as reports need. */
    SealedResults seal();

    /** The default: an in-memory list. */
    static ResultStore inMemory() {
        List<CallResult> list = new ArrayList<>();
        return new ResultStore() {
            @Override
            public void add(CallResult result) {
                list.add(result);
            }

            @Override
            public SealedResults seal() {
                return SealedResults.of(list);
            }
        };
    }
}
