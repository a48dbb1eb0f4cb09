package io.rapport.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.rapport.platform.problem.FieldError;
import io.rapport.platform.problem.ProblemException;

class QueryParametersTest {

    @Test
    void aPageWhoseFirstItemOverflowsAnIntIsA400NamingPage() {
        QueryParameters params = new QueryParameters();
        params.page(21474837);
        params.size(100);
        ProblemException e = assertThrows(ProblemException.class, params::throwIfInvalid);
        assertEquals(400, e.status());
        assertEquals(new FieldError("page", "must be at most 21474836 with size 100"), e.errors().get(0));
    }

    @Test
    void theLastAddressablePageIsAccepted() {
        QueryParameters params = new QueryParameters();
        assertEquals(21474836, params.page(21474836));
        assertEquals(100, params.size(100));
        params.throwIfInvalid();
    }
}
