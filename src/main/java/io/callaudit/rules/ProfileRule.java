package io.callaudit.rules;

/** A rule about the recording profile alone: these gate profile changes before they ship. */
public non-sealed interface ProfileRule extends Rule {

    void check(ProfileContext ctx);
}
