package io.callaudit.rules;

/** Marker for every rule class; a rule also implements exactly one of the narrow check interfaces. */
public sealed interface Rule permits CallRule, ProfileRule, InputRule {}
