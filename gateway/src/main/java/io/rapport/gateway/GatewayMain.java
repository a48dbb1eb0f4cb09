package io.rapport.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The gateway's entry point (every {@code java -jar quarkus-run.jar}: the launcher, the end-to-end suite, the
 * container image). Before Quarkus starts it hands the check of the request URI's syntax from Quarkus to the
 * gateway, so that a malformed URI (such as a path with {@code %ZZ}) is refused with problem details too.
 *
 * <p>Quarkus' HTTP layer checks every request's URI with {@code new java.net.URI(uri)} in the handler it gives
 * Vert.x ({@code VertxHttpRecorder.ACTUAL_ROOT}), before any router or route runs, and answers a failure with a
 * bare {@code 400} without a body; it has no configuration or hook for that answer, only the JVM system property
 * {@value #DISABLE_URI_VALIDATION}, read once when that class is initialised (so it must be set before Quarkus
 * starts: a property in application.properties is too late). With it set, {@link RequestShape} makes the same
 * check as the first thing the router does and answers a 400 problem, so no malformed URI goes upstream.
 * The {@code @QuarkusTest}s get the property from the surefire configuration (they do not run this method);
 * {@code PackagedGatewayIT} checks the packaged gateway.
 */
@QuarkusMain
public class GatewayMain {

    /** Quarkus' switch for its own URI check (quarkusio/quarkus#37804 keeps it a system property). */
    static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    public static void main(String... args) {
        System.setProperty(DISABLE_URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
