package io.rapport.platform.security;

/**
 * The roles of the {@code groups} claim of a Rapport bearer token, for {@code @RolesAllowed}.
 * Each includes the ones below it, so a method lists every role that may call it:
 * reads {@code @RolesAllowed({VIEWER, EDITOR, ADMIN})}, ordinary changes {@code @RolesAllowed({EDITOR, ADMIN})},
 * administrative ones {@code @RolesAllowed(ADMIN)}. The rules are the gateway's ({@code gateway/README.md},
 * "Security", and {@code RouteTable.requiredRole}).
 */
public final class Roles {

    public static final String VIEWER = "rapport-viewer";
    public static final String EDITOR = "rapport-editor";
    public static final String ADMIN = "rapport-admin";

    private Roles() {
    }
}
