package io.callaudit.rules;

/**
 * A rule about the input stream itself (rejected records, duplicate ids). The engine raises these while
 * reading, since only it sees the stream; the class still carries the rule's identity and prose.
 */
public non-sealed interface InputRule extends Rule {
}
