package io.callaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdSetTest {

    @Test
    void should_remember_ids_and_refuse_them_twice() {
        IdSet ids = new IdSet();
        assertThat(ids.add("a")).isTrue();
        assertThat(ids.add("b")).isTrue();
        assertThat(ids.add("a")).isFalse();
        assertThat(ids.contains("b")).isTrue();
        assertThat(ids.contains("c")).isFalse();
    }

    @Test
    void should_keep_every_id_of_the_last_generation_and_forget_older_ones() {
        IdSet ids = new IdSet(4);
        for (int i = 1; i <= 4; i++) {
            ids.add("c" + i);
        }
        ids.add("c5"); // c1..c4 become the previous generation
        assertThat(ids.contains("c1")).as("one generation back").isTrue();
        assertThat(ids.add("c2")).isFalse();
        for (int i = 6; i <= 9; i++) {
            ids.add("c" + i);
        }
        // c9 opened a third generation: c1..c4 are forgotten, c5..c8 kept.
        assertThat(ids.contains("c4")).isFalse();
        assertThat(ids.contains("c5")).isTrue();
        assertThat(ids.contains("c9")).isTrue();
    }

    @Test
    void should_hold_a_million_ids_exactly() {
        IdSet ids = new IdSet();
        int added = 0;
        for (int i = 0; i < 1_000_000; i++) {
            added += ids.add(Integer.toString(i)) ? 1 : 0;
        }
        int again = 0;
        for (int i = 0; i < 1_000_000; i++) {
            again += ids.add(Integer.toString(i)) ? 1 : 0;
        }
        assertThat(added).isEqualTo(1_000_000);
        assertThat(again).isZero();
        assertThat(ids.contains("1000000")).isFalse();
    }
}
