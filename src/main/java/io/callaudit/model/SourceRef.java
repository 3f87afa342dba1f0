package io.callaudit.model;

/**
 * Where an input record came from: the file as the user named it ({@code -} for stdin) and the
 * 1-based line, or the 1-based record index where a format has no useful line.
 */
public record SourceRef(String file, long line) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
