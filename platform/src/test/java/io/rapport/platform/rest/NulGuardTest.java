package io.rapport.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

class NulGuardTest {

    record Named(String name, List<String> tags) {
    }

    @Test
    void aJsonStringWithNulIsRefusedAtItsPathOthersPass() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new NulGuard().customize(mapper);
        assertEquals(new Named("Zoë", List.of("a")), mapper.readValue("{\"name\":\"Zoë\",\"tags\":[\"a\"]}", Named.class));
        InvalidFormatException e = assertThrows(InvalidFormatException.class,
            () -> mapper.readValue("{\"name\":\"ok\",\"tags\":[\"a\", \"b\\u0000c\"]}", Named.class));
        assertEquals(NulGuard.MESSAGE, e.getOriginalMessage());
        assertEquals("tags", e.getPath().get(0).getFieldName());
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"name\":\"\\u0000\"}", Named.class));
    }
}
