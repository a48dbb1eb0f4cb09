package io.rapport.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two ways to build an image (Dockerfile.jvm with a container engine, Jib without a
 * daemon) agree with each other and with the manifests: base image, non-root user, port, name.
 */
class ContainerImageTest {

    @ParameterizedTest(name = "{0}: Dockerfile.jvm, Jib and the Deployment agree")
    @ValueSource(strings = {"gateway", "contacts-service", "engagement-service", "analytics-service"})
    void imageBuildsAgreeWithTheManifests(String service) throws IOException {
        Path module = Kustomize.ROOT.resolve(service);
        List<String> dockerfile = Files.readAllLines(module.resolve("src/main/docker/Dockerfile.jvm")).stream()
            .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
            props.load(r);
        }

        String from = value(dockerfile, "FROM");
        assertTrue(from.matches("[^:@\\s]+(:[\\w.-]+|@sha256:[0-9a-f]{64})") && !from.endsWith(":latest"), "unpinned base image " + from);
        assertEquals(from, props.getProperty("quarkus.jib.base-jvm-image"), "Jib and Dockerfile.jvm build on different bases");

        for (String part : List.of("target/quarkus-app/lib/ /deployments/lib/", "target/quarkus-app/*.jar /deployments/",
            "target/quarkus-app/app/ /deployments/app/", "target/quarkus-app/quarkus/ /deployments/quarkus/")) {
            assertTrue(dockerfile.contains("COPY --chown=185 " + part), service + ": Dockerfile.jvm lacks the fast-jar layer " + part);
        }
        String user = value(dockerfile, "USER");
        assertTrue(user.matches("[1-9][0-9]*"), service + ": USER must be a numeric non-root uid, is " + user);
        assertEquals(user, props.getProperty("quarkus.jib.user"), service + ": Jib runs as another user");
        assertTrue(dockerfile.contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""), service + ": JAVA_APP_JAR");
        assertTrue(dockerfile.contains("ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]"), service + ": entrypoint");

        String expose = value(dockerfile, "EXPOSE");
        assertEquals(expose, props.getProperty("quarkus.jib.ports"), service + ": Jib exposes another port");
        String httpPort = props.getProperty("quarkus.http.port");
        assertEquals("${HTTP_PORT:" + expose + "}", httpPort, service + ": the image port is not the service's default port");

        String imageName = props.getProperty("quarkus.container-image.group") + "/"
            + props.getProperty("quarkus.container-image.name", props.getProperty("quarkus.application.name"));
        assertEquals("rapport/" + service, imageName, "the name Jib pushes");

        for (String overlay : Kustomize.OVERLAYS) {
            List<ObjectNode> objects = Kustomize.overlay(overlay);
            ObjectNode deployment = Manifests.get(objects, "Deployment", service);
            JsonNode pod = Manifests.podSpec(deployment);
            assertEquals(user, pod.at("/securityContext/runAsUser").asText(), overlay + " " + service + ": runAsUser");
            JsonNode container = pod.at("/containers/0");
            assertEquals(expose, container.at("/ports/0/containerPort").asText(), overlay + " " + service + ": containerPort");
            String image = container.path("image").asText();
            assertTrue(image.contains("/" + imageName + ":") || image.contains("/" + imageName + "@"), image + " is not " + imageName);
            String configMap = Manifests.list(container.path("envFrom")).stream()
                .map(e -> e.at("/configMapRef/name").asText()).filter(n -> n.startsWith(service + "-")).findFirst().orElseThrow();
            assertEquals(expose, Manifests.get(objects, "ConfigMap", configMap).at("/data/HTTP_PORT").asText(), overlay + " " + service + ": HTTP_PORT");
        }
        assertFalse(dockerfile.stream().anyMatch(l -> l.startsWith("USER root") || l.equals("USER 0")), service);
    }

    /** The rest of the first instruction line that starts with the given words. */
    static String value(List<String> lines, String instruction) {
        return lines.stream().filter(l -> l.startsWith(instruction + " ")).findFirst()
            .map(l -> l.substring(instruction.length() + 1).strip())
            .orElseThrow(() -> new AssertionError("no " + instruction + " instruction"));
    }
}
