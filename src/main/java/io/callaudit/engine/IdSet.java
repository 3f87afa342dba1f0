package io.callaudit.engine;

/**
 * The ids of every call already audited, as 64-bit hashes in one open-addressing array: a duplicate that
 * turns up long after its first record (two overlapping export files) is still caught, at about 11 bytes
 * per call instead of a string set's hundred.
 */
final class IdSet {

    private long[] slots = new long[1 << 12];
    private int size;
    private boolean hasZero;

    /** Adds {@code id}; returns false when it was already there. */
    boolean add(String id) {
        long h = hash(id);
        if (h == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 4L > slots.length * 3L) {
            grow();
        }
        return insert(slots, h);
    }

    boolean contains(String id) {
        long h = hash(id);
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

    private boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
            if (table[i] == 0) {
                table[i] = h;
                if (table == slots) {
                    size++;
                }
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
