package io.rapport.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The class path that runs this module's programs in a JVM of their own. */
public final class InfraClasspath {

    private InfraClasspath() {
    }

    /** This module's classes (jar or folder) followed by its runtime dependencies, as Maven resolved them. */
    public static String get() {
        try (InputStream in = InfraClasspath.class.getResourceAsStream("/META-INF/rapport/infra.classpath")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/rapport/infra.classpath is missing: build deploy/local/infra with Maven");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            Path self = Path.of(InfraClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The java binary of the running JVM. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
