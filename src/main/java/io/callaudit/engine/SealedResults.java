package io.callaudit.engine;

import java.util.AbstractList;
import java.util.List;

/**
 * Call results nobody can change once the audit is over. A result keeps them as they are instead of copying,
 * which for a spilled store would pull the whole batch back onto the heap.
 */
public abstract class SealedResults extends AbstractList<CallResult> implements AutoCloseable {

    /** Frees what holds the results (a temporary file); in-memory results have nothing to free. */
    @Override
    public void close() {}

    /** Seals an in-memory list the caller no longer touches. */
    static SealedResults of(List<CallResult> owned) {
        return new SealedResults() {
            @Override
            public CallResult get(int index) {
                return owned.get(index);
            }

            @Override
            public int size() {
                return owned.size();
            }
        };
    }
}
