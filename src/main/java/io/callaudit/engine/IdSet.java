package io.callaudit.engine;

/**
 * The ids of calls already audited, as 64-bit hashes, so a duplicate that turns up after its call left the window
 * (two overlapping export files) is still caught. Memory is bounded: ids are kept in two generations of at most
 * {@link #GENERATION} each, and when the newer one fills up the older one is forgotten. A duplicate is therefore
 * recognised while its first record is among the last one to two million calls, which covers a whole month of a
 * large contact centre (and every batch up to a million calls) at a fixed 16 to 32 MB.
 */
final class IdSet {

    /** Ids per generation: a million, about 16 MB of hashes at the table's load. */
    static final int GENERATION = 1 << 20;

    private final int generation;
    private Table current = new Table();
    private Table previous = new Table();

    IdSet() {
        this(GENERATION);
    }

    /** @param generation how many ids each of the two generations holds before the older one is forgotten */
    IdSet(int generation) {
        this.generation = generation;
    }

    /** Adds {@code id}; returns false when it was already there. */
    boolean add(String id) {
        return addHash(hash(id));
    }

    /** {@link #add(String)} for an id already hashed with {@link #hash(String)}. */
    boolean addHash(long h) {
        if (previous.contains(h)) {
            return false;
        }
        if (current.size == generation && !current.contains(h)) {
            previous = current;
            current = new Table();
        }
        return current.add(h);
    }

    boolean contains(String id) {
        return containsHash(hash(id));
    }

    /** {@link #contains(String)} for an id already hashed with {@link #hash(String)}. */
    boolean containsHash(long h) {
        return current.contains(h) || previous.contains(h);
    }

    /** One generation: an open-addressing table of hashes, zero marking a free slot. */
    private static final class Table {
        private long[] slots = new long[1 << 12];
        private int size;
        private boolean hasZero;

        boolean add(long h) {
            if (h == 0) {
                boolean added = !hasZero;
                hasZero = true;
                size += added ? 1 : 0;
                return added;
            }
            if ((size + 1) * 4L > slots.length * 3L) {
                grow();
            }
            boolean added = insert(slots, h);
            size += added ? 1 : 0;
            return added;
        }

        boolean contains(long h) {
            if (h == 0) {
                return hasZero;
            }
            int mask = slots.length - 1;
            for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
                if (slots[i] == 0) {
                    return false;
                }
                if (slots[i] == h) {
                    return true;
                }
            }
        }

        private static boolean insert(long[] table, long h) {
            int mask = table.length - 1;
            for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
                if (table[i] == 0) {
                    table[i] = h;
                    return true;
                }
                if (table[i] == h) {
                    return false;
                }
            }
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            for (long h : old) {
                if (h != 0) {
                    insert(slots, h);
                }
            }
        }
    }

    /** FNV-1a over the id's chars, then a finaliser: collisions at 10^7 ids are around one in 10^5 runs. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private static int mix(long h) {
        return (int) (h ^ (h >>> 32));
    }
}
