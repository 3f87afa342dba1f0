package io.callaudit.engine;

import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aircall's parallel calling (seed 000 §3): while on a first call, the agent places a second one; the
 * first holds the recording of the whole conversation and the second has none. A leg is "later" when it
 * starts strictly after another answered call of the same agent started, and before that call ended.
 */
final class ParallelLegs {

    private ParallelLegs() {
    }

    /** For each later leg, the id of the earliest overlapping call of the same agent. */
    static Map<String, String> find(List<CallRecord> calls) {
        Map<String, List<CallRecord>> byAgent = new HashMap<>();
        for (CallRecord c : calls) {
            String agent = agent(c);
            if (agent != null && answered(c)) {
                byAgent.computeIfAbsent(agent, k -> new ArrayList<>()).add(c);
            }
        }
        Map<String, String> holders = new HashMap<>();
        for (List<CallRecord> legs : byAgent.values()) {
            legs.sort(Comparator.comparing(CallRecord::startedAt));
            List<CallRecord> open = new ArrayList<>();
            for (CallRecord leg : legs) {
                open.removeIf(o -> !o.endedAt().isAfter(leg.startedAt()));
                for (CallRecord o : open) {
                    if (o.startedAt().isBefore(leg.startedAt())) {
                        holders.put(leg.id(), o.id());
                        break;
                    }
                }
                open.add(leg);
            }
        }
        return holders;
    }

    private static String agent(CallRecord c) {
        if (c.sharedLine()) {
            return null;
        }
        return c.userId() != null ? "id:" + c.userId() : c.userEmail() != null ? "email:" + c.userEmail() : null;
    }

    private static boolean answered(CallRecord c) {
        return c.status() == CallStatus.ANSWERED || (c.status() == null && c.answeredAt() != null);
    }
}
