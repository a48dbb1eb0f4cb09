package io.rapport.testsupport;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.specification.RequestSpecification;

/**
 * Requests to the service's management interface (health and metrics), which listens on its own port:
 * {@code quarkus.management.test-port=0} in tests, the port the service actually bound then being
 * the value of that property.
 */
public final class Management {

    private Management() {
    }

    /** The management interface's port of the running test application. */
    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** A request without a token to the management interface. */
    public static RequestSpecification management() {
        return TestTokens.anonymous().port(port());
    }
}
