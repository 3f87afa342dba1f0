package io.callaudit.ingest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Eight bytes of input at a time, for the loops that look for a few special bytes in long runs of ordinary
 * ones (line ends in a file, quotes and backslashes in a URL). Each test answers a mask with the high bit set
 * in the bytes that match: the lowest set bit is exact (a borrow can only mark bytes after a real match), so
 * {@link #firstIndex} of a non-zero mask is the first match.
 *
 * <p>Words are read through a little-endian {@link ByteBuffer} view of the array rather than a
 * {@code VarHandle}: the JIT compiles both to one load, and a native image supports the buffer without the
 * handle's restrictions (a {@code VarHandle} outside build-time initialisation is interpreted there).
 */
final class Words {

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Words() {}

    /** A view for {@link ByteBuffer#getLong(int)}: the eight bytes from an index, the first in the lowest bits. */
    static ByteBuffer view(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The bytes of {@code word} equal to {@code b}. */
    static long equal(long word, byte b) {
        long x = word ^ (ONES * (b & 0xFF));
        return (x - ONES) & ~x & HIGHS;
    }

    /** The bytes of {@code word} below {@code limit} (at most 0x80), as unsigned values. */
    static long below(long word, int limit) {
        return (word - ONES * limit) & ~word & HIGHS;
    }

    /** The bytes of {@code word} at or above 0x80: parts of multi-byte UTF-8 characters. */
    static long nonAscii(long word) {
        return word & HIGHS;
    }

    /** The position, 0 to 7, of the first byte a non-zero mask marks. */
    static int firstIndex(long mask) {
        return Long.numberOfTrailingZeros(mask) >>> 3;
    }
}
