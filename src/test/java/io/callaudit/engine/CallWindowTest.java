package io.callaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.Direction;
import io.callaudit.model.SourceRef;
import io.callaudit.model.WebhookEvent;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming window: exact within it, bounded in memory, honest about what arrives too late. */
class CallWindowTest {

    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    /** What left the window, in order: id → holder (or "-"). */
    final Map<String, String> out = new LinkedHashMap<>();

    final Map<String, CallRecord> winners = new LinkedHashMap<>();
    final List<Finding> duplicates = new ArrayList<>();
    final CallWindow window = new CallWindow(RuleSet.builtIn(), CallWindow.DEFAULT_SECONDS, (call, holder, dups) -> {
        out.put(call.id(), holder == null ? "-" : holder);
        winners.put(call.id(), call);
        duplicates.addAll(dups);
    });

    static CallRecord.Builder answered(String id, String agent, long startMinutes, long talkMinutes) {
        Instant start = T0.plusSeconds(startMinutes * 60);
        return CallRecord.builder()
                .id(id)
                .direction(Direction.OUTBOUND)
                .status(CallStatus.ANSWERED)
                .startedAt(start)
                .answeredAt(start.plusSeconds(5))
                .endedAt(start.plusSeconds(5 + talkMinutes * 60))
                .userId(agent)
                .source(new SourceRef("calls.ndjson", 1));
    }

    @Test
    void should_find_the_parallel_leg_in_ascending_input() {
        window.add(answered("a", "u1", 0, 30).build());
        window.add(answered("b", "u1", 10, 5).build());
        window.add(answered("c", "u2", 12, 5).build());
        window.finish();
        assertThat(out).containsExactly(Map.entry("a", "-"), Map.entry("b", "a"), Map.entry("c", "-"));
    }

    @Test
    void should_find_the_parallel_leg_in_descending_input_and_keep_input_order() {
        for (int i = 0; i < 50; i++) {
            window.add(answered("late" + i, "u9", 3000 - i * 60L, 5).build());
        }
        window.add(answered("b", "u1", 10, 5).build());
        window.add(answered("a", "u1", 0, 30).build());
        window.finish();
        assertThat(out.get("b")).isEqualTo("a");
        assertThat(new ArrayList<>(out.keySet()).subList(50, 52)).containsExactly("b", "a");
    }

    @Test
    void should_collapse_webhook_events_ordered_by_event_time() {
        CallRecord.Builder longCall = answered("long", "u1", 0, 120);
        CallRecord.Builder shortCall = answered("short", "u2", 10, 2);
        window.add(shortCall.webhook(new WebhookEvent("call.hungup", 1000)).build());
        window.add(shortCall.webhook(new WebhookEvent("call.ended", 1030)).build());
        window.add(longCall.webhook(new WebhookEvent("call.hungup", 8000))
                .recordingUrl(null)
                .build());
        window.add(longCall.webhook(new WebhookEvent("call.ended", 8030))
                .recordingUrl("https://r.example/l")
                .build());
        window.finish();
        assertThat(out).containsOnlyKeys("short", "long");
        assertThat(winners.get("long").recordingUrl()).isEqualTo("https://r.example/l");
        assertThat(window.superseded()).isEqualTo(2);
        assertThat(duplicates).isEmpty();
    }

    @Test
    void should_let_the_last_duplicate_win_within_the_window() {
        window.add(answered("a", "u1", 0, 3).build());
        window.add(answered("a", "u1", 0, 4)
                .source(new SourceRef("calls.ndjson", 9))
                .build());
        window.finish();
        assertThat(winners.get("a").source().line()).isEqualTo(9);
        assertThat(duplicates).extracting(Finding::ruleId).containsExactly("input.duplicate-call");
    }

    @Test
    void should_report_a_duplicate_arriving_after_its_call_left_and_audit_the_call_once() {
        window.add(answered("a", "u1", 0, 3).build());
        window.add(answered("z", "u1", 60 * 24, 3).build());
        window.add(answered("a", "u1", 0, 3)
                .source(new SourceRef("other.ndjson", 1))
                .build());
        window.finish();
        assertThat(out).containsOnlyKeys("a", "z");
        assertThat(window.superseded()).isEqualTo(1);
        assertThat(window.lateDuplicates()).extracting(Finding::ruleId).containsExactly("input.duplicate-call");
        assertThat(window.lateDuplicates().get(0).source().file()).isEqualTo("other.ndjson");
    }

    @Test
    void should_keep_memory_to_the_window_however_long_the_batch() {
        int maxOpen = 0;
        int maxRemembered = 0;
        for (int i = 0; i < 200_000; i++) {
            window.add(answered("c" + i, "u" + (i % 300), i, 2).build());
            maxOpen = Math.max(maxOpen, window.open());
            maxRemembered = Math.max(maxRemembered, window.remembered());
        }
        window.finish();
        assertThat(out).hasSize(200_000);
        assertThat(maxOpen).as("calls in a 6 h window at one call a minute").isLessThan(400);
        assertThat(maxRemembered)
                .as("calls of the window and at most one sweep interval")
                .isLessThan(400 + CallWindow.SWEEP_EVERY + 300);
    }

    /**
     * Against a brute-force reference over the whole batch: every parallel leg the window finds is the one an
     * unbounded search finds, for ascending and descending streams with local disorder, long calls and agents
     * that go quiet for hours (the sweep must not forget a call that can still hold a leg).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"1, true", "2, false", "3, true", "4, false"})
    void should_find_the_same_parallel_legs_as_a_search_over_the_whole_batch(long seed, boolean ascending) {
        java.util.Random random = new java.util.Random(seed);
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long start = i * 3L + random.nextInt(3);
            long talk = random.nextInt(100) < 2 ? 60 + random.nextInt(180) : random.nextInt(20);
            String agent = "u" + random.nextInt(random.nextBoolean() ? 40 : 400);
            CallRecord.Builder b = answered("c" + i, agent, start, talk);
            if (random.nextInt(10) == 0) {
                b.status(CallStatus.MISSED).answeredAt(null);
            }
            calls.add(b.build());
        }
        if (!ascending) {
            java.util.Collections.reverse(calls);
        }
        // Local disorder: swap neighbours up to an hour apart.
        for (int i = 0; i + 20 < calls.size(); i += 7) {
            java.util.Collections.swap(calls, i, i + random.nextInt(20));
        }
        calls.forEach(window::add);
        window.finish();

        Map<String, List<CallRecord>> byAgent = new java.util.HashMap<>();
        calls.forEach(
                c -> byAgent.computeIfAbsent(c.userId(), k -> new ArrayList<>()).add(c));
        Map<String, String> expected = new LinkedHashMap<>();
        for (CallRecord leg : calls) {
            String holder = "-";
            if (leg.status() == CallStatus.ANSWERED) {
                CallRecord best = null;
                for (CallRecord other : byAgent.get(leg.userId())) {
                    if (other != leg
                            && other.status() == CallStatus.ANSWERED
                            && other.startedAt().isBefore(leg.startedAt())
                            && other.endedAt().isAfter(leg.startedAt())
                            && (best == null || other.startedAt().isBefore(best.startedAt()))) {
                        best = other;
                    }
                }
                holder = best == null ? "-" : best.id();
            }
            expected.put(leg.id(), holder);
        }
        assertThat(out).hasSize(calls.size());
        long legs = expected.values().stream().filter(h -> !h.equals("-")).count();
        assertThat(legs).as("the stream must have parallel legs to find").isGreaterThan(300);
        assertThat(out).containsExactlyInAnyOrderEntriesOf(expected);
    }
}
