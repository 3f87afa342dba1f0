package io.callaudit.rules;

/**
 * A rule raised by the pipeline rather than by checking a call or the profile: the input stream (rejected
 * records, duplicate ids) and the waiver file (expired or malformed waivers). Only the pipeline sees those,
 * so it raises them; the class still carries the rule's identity and prose.
 */
public non-sealed interface InputRule extends Rule {}
