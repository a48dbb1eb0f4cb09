package io.rapport.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rapport.platform.problem.ProblemException;

class PreconditionsTest {

    @Test
    void parsesStrongWeakAndBareVersions() {
        assertEquals(3L, Preconditions.parseVersion("\"3\""));
        assertEquals(3L, Preconditions.parseVersion("W/\"3\""));
        assertEquals(3L, Preconditions.parseVersion(" 3 "));
        assertNull(Preconditions.parseVersion("\"abc\""));
    }

    @Test
    void ifMatchComparesStronglyAWeakTagNeverMatches() {
        assertEquals(412, assertThrows(ProblemException.class, () -> Preconditions.requireIfMatch("W/\"2\"", 2)).status());
        assertEquals(412, assertThrows(ProblemException.class, () -> Preconditions.requireIfMatch("*", 2)).status());
        assertEquals(2L, Preconditions.requireIfMatch("\"1\", \"2\"", 2));
        assertEquals(412, assertThrows(ProblemException.class,
            () -> Preconditions.requireIfMatch("\"1\", W/\"2\"", 2)).status());
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertTrue(Preconditions.weakMatch("\"3\"", "\"3\""));
        assertTrue(Preconditions.weakMatch("W/\"3\"", "\"3\""));
        assertTrue(Preconditions.weakMatch("\"1\", \"3\"", "\"3\""));
        assertTrue(Preconditions.weakMatch("*", "\"3\""));
        assertFalse(Preconditions.weakMatch("\"2\"", "\"3\""));
        assertFalse(Preconditions.weakMatch("\"3\"", null));
    }

    @Test
    void missingIfMatchIs428AndStaleIs412() {
        assertEquals(428, assertThrows(ProblemException.class, () -> Preconditions.requireIfMatch(null, 2)).status());
        assertEquals(428, assertThrows(ProblemException.class, () -> Preconditions.requireIfMatch(" ", 2)).status());
        assertEquals(412, assertThrows(ProblemException.class, () -> Preconditions.requireIfMatch("\"1\"", 2)).status());
        assertEquals(412, assertThrows(ProblemException.class, () -> Preconditions.requireIfMatch("*x", 2)).status());
        assertEquals(2L, Preconditions.requireIfMatch("\"2\"", 2));
    }

    @Test
    void sortAcceptsOnlyAllowedFieldsAndDirections() {
        Map<String, String> allowed = Map.of("fullName", "fullName", "createdAt", "createdAt");
        SortSpec fallback = new SortSpec("createdAt", "createdAt", true);
        assertEquals(fallback, SortSpec.parse(null, allowed, fallback));
        assertEquals(new SortSpec("fullName", "fullName", false), SortSpec.parse("fullName,desc", allowed, fallback));
        assertEquals(new SortSpec("fullName", "fullName", true), SortSpec.parse("fullName", allowed, fallback));
        ProblemException e = assertThrows(ProblemException.class, () -> SortSpec.parse("password,asc", allowed, fallback));
        assertEquals(400, e.status());
        assertEquals("sort", e.errors().get(0).field());
        assertThrows(ProblemException.class, () -> SortSpec.parse("fullName,sideways", allowed, fallback));
    }
}
