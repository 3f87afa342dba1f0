package io.callaudit.engine;

import io.callaudit.rules.Step;
import java.util.List;

/** One call's audit with the checklist that produced it, for {@code callaudit explain}. */
public record Explanation(CallResult result, List<Step> steps) {

    public Explanation {
        steps = List.copyOf(steps);
    }
}
