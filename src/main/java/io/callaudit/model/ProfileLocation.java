package io.callaudit.model;

/** A key in the profile file, so configuration findings point at the line a reviewer must change. */
public record ProfileLocation(String file, int line, String key) {}
