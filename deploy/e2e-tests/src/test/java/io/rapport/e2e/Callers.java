package io.rapport.e2e;

import java.util.concurrent.atomic.AtomicInteger;

import io.rapport.testsupport.TestTokens;

/**
 * Bearer tokens per role for tests that make many requests: the gateway limits each principal (100 at once, 50 a
 * second), so the subject changes every 40 tokens; each role keeps its groups.
 */
final class Callers {

    enum Role {
        NONE(null), VIEWER(TestTokens.VIEWER), EDITOR(TestTokens.EDITOR), ADMIN(TestTokens.ADMIN);

        final String group;

        Role(String group) {
            this.group = group;
        }

        /** The weakest role the gateway's {@code x-required-role} names. */
        static Role of(String requiredRole) {
            for (Role r : values()) {
                if (r.group != null && r.group.equals(requiredRole)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown role " + requiredRole);
        }
    }

    private final String prefix;
    private final AtomicInteger issued = new AtomicInteger();

    Callers(String prefix) {
        this.prefix = prefix;
    }

    /** A token with the role's group, or null for {@link Role#NONE}. */
    String token(Role role) {
        if (role == Role.NONE) {
            return null;
        }
        int n = issued.getAndIncrement();
        return TestTokens.token(prefix + "-" + role.name().toLowerCase() + "-" + n / 40, role.group);
    }
}
