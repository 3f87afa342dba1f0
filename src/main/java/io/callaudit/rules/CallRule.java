package io.callaudit.rules;

import java.util.List;

/** A rule about one audited call. It reports through the context and never formats text. */
public non-sealed interface CallRule extends Rule {

    void check(CallContext ctx);

    /**
     * The data that decides this rule for the call, whether it fired or not, so {@code callaudit explain}
     * can show each step of the checklist with its evidence.
     */
    default List<Fact> facts(CallContext ctx) {
        return List.of();
    }
}
