package io.rapport.analytics.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The batch fold's supersession rule (also applied between events of one batch): the model's rule. */
class FoldSupersessionTest {

    @Test
    void higherVersionWins() {
        assertTrue(FoldPlan.supersedes(3, false, "a", 2, true, "z"));
        assertFalse(FoldPlan.supersedes(2, true, "z", 3, false, "a"));
    }

    @Test
    void atEqualVersionACancellationWinsThenTheGreaterEventId() {
        assertTrue(FoldPlan.supersedes(2, true, "a", 2, false, "z"));
        assertFalse(FoldPlan.supersedes(2, false, "z", 2, true, "a"));
        assertTrue(FoldPlan.supersedes(2, false, "b", 2, false, "a"));
        assertFalse(FoldPlan.supersedes(2, false, "a", 2, false, "b"));
        assertFalse(FoldPlan.supersedes(2, false, "a", 2, false, "a"), "the same event does not supersede itself");
    }
}
