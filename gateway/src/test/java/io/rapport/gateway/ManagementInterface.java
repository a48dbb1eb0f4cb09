package io.rapport.gateway;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.specification.RequestSpecification;

/** Requests to the gateway's management interface (health, metrics): its own port, random in tests. */
final class ManagementInterface {

    private ManagementInterface() {
    }

    static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    static RequestSpecification management() {
        return given().port(port());
    }
}
