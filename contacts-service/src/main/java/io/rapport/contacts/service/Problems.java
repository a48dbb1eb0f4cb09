package io.rapport.contacts.service;

import java.util.List;
import java.util.function.Supplier;

import org.hibernate.exception.ConstraintViolationException;

import io.rapport.platform.problem.FieldError;
import io.rapport.platform.problem.ProblemException;

/** Helpers shared by the services' rules. */
final class Problems {

    private Problems() {
    }

    static ProblemException field(String field, String message) {
        return ProblemException.badRequest("1 field is invalid", List.of(new FieldError(field, message)));
    }

    static ProblemException fields(List<FieldError> errors) {
        return ProblemException.badRequest(errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
            errors);
    }

    /**
     * Flushes now so that a unique index violated by a concurrent writer (which the checks before
     * could not see) becomes the conflict it is rather than a 500 at commit.
     */
    static void flushOrConflict(Runnable flush, String constraint, Supplier<ProblemException> conflict) {
        try {
            flush.run();
        } catch (ConstraintViolationException e) {
            if (e.getConstraintName() != null && e.getConstraintName().contains(constraint)) {
                throw conflict.get();
            }
            throw e;
        } catch (jakarta.persistence.PersistenceException e) {
            if (e.getCause() instanceof ConstraintViolationException cve && cve.getConstraintName() != null
                && cve.getConstraintName().contains(constraint)) {
                throw conflict.get();
            }
            throw e;
        }
    }
}
