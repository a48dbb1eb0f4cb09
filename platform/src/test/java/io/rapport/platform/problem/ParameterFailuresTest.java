package io.rapport.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ParameterFailuresTest {

    enum Colour { RED, GREEN }

    @Test
    void namesWhyAValueDoesNotConvert() {
        assertEquals("must be an integer from -2147483648 to 2147483647", ParameterFailures.problem(Integer.class, "abc"));
        assertEquals("must be an integer from -2147483648 to 2147483647", ParameterFailures.problem(int.class, "99999999999"));
        assertEquals("must be a UUID", ParameterFailures.problem(UUID.class, "not-a-uuid"));
        assertEquals("must be a date YYYY-MM-DD", ParameterFailures.problem(LocalDate.class, "2026-13-01"));
        assertEquals("must be one of RED, GREEN", ParameterFailures.problem(Colour.class, "BLUE"));
        assertNull(ParameterFailures.problem(Integer.class, "42"));
        assertNull(ParameterFailures.problem(UUID.class, UUID.randomUUID().toString()));
        assertNull(ParameterFailures.problem(String.class, "anything"));
    }
}
