package io.callaudit.model;

import java.time.Instant;

/**
 * What a non-call event of the input says about a provider line (Aircall's {@code number.created},
 * {@code number.updated}, {@code number.deleted}): facts the audit uses when the profile is silent, so a
 * webhook log can explain its own gaps.
 *
 * @param kind the event as the vendor names it ({@code number.deleted})
 * @param numberId the line's provider id
 * @param recording the line's recording switch as the event states it, or null when it does not say
 * @param deletedAt when the line was deleted ({@code number.deleted}'s time), else null
 * @param source where the event was read, so a finding built on it can point back to it
 */
public record LineEvent(String kind, String numberId, Boolean recording, Instant deletedAt, SourceRef source) {}
