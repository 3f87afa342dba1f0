package io.callaudit.rules;

import io.callaudit.model.ProfileLocation;
import io.callaudit.model.SourceRef;
import java.util.List;

/**
 * One rule firing on one entity. Arguments stay raw (strings, numbers, {@link Sensitive}) so each report
 * renders them in its own language and with or without redaction.
 *
 * @param callId the call, for call and input findings; null for profile findings
 * @param numberId the call's provider line when known, so a waiver can target a number
 * @param flowId the call's flow when known, so a waiver can target a flow
 * @param source where the call was read; null for profile findings
 * @param location the profile key; null for call findings
 */
public record Finding(
        RuleInfo rule,
        Severity severity,
        List<Object> args,
        String callId,
        String numberId,
        String flowId,
        SourceRef source,
        ProfileLocation location) {

    public Finding {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public String ruleId() {
        return rule.id();
    }

    /**
     * The id of what the finding is about: the call, else the profile key, else the input position. It
     * is part of the baseline key (rule + entity + file).
     */
    public String entity() {
        if (callId != null) {
            return callId;
        }
        if (location != null) {
            return location.key();
        }
        return source == null ? "" : String.valueOf(source.line());
    }

    /** The file the finding points into: the input file for calls, the profile for configuration. */
    public String file() {
        if (location != null) {
            return location.file();
        }
        return source == null ? null : source.file();
    }

    /** The line the finding points at, 0 when unknown. */
    public long line() {
        if (location != null) {
            return location.line();
        }
        return source == null ? 0 : source.line();
    }
}
