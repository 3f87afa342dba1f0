package io.callaudit.rules;

/** A rule about one audited call. It reports through the context and never formats text. */
public non-sealed interface CallRule extends Rule {

    void check(CallContext ctx);
}
