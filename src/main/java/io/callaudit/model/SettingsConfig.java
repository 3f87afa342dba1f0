package io.callaudit.model;

import java.time.Instant;

/** A CTM call-settings configuration; tracking numbers record only through the one assigned to them. */
public record SettingsConfig(String name, boolean recordings, Instant deletedAt, int index) {}
