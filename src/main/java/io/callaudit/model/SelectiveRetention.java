package io.callaudit.model;

/** An Enterprise retention override: calls matching the criteria keep their audio for {@code days}. */
public record SelectiveRetention(RetentionCriteria criteria, String value, int days, int index) {}
