package io.rapport.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The local launcher lets a frontend developer's dev server call the gateway from the browser out of the box
 * (issue 16): its gateway gets the usual local dev-server origins unless RAPPORT_CORS_ORIGINS says otherwise.
 * Runs {@code deploy/local/rapport env gateway}, which prints the environment {@code up} starts the gateway with.
 */
class LocalLauncherCorsTest {

    private static final Path ROOT = Path.of(System.getProperty("rapport.root", "../..")).toAbsolutePath().normalize();

    @Test
    void theGatewayAllowsTheUsualDevServerOriginsByDefault() throws Exception {
        List<String> origins = Arrays.asList(corsOrigins(Map.of()).split(","));
        for (int port : new int[] {3000, 4200, 5173, 8000}) {
            assertTrue(origins.contains("http://localhost:" + port), origins.toString());
            assertTrue(origins.contains("http://127.0.0.1:" + port), origins.toString());
        }
        assertEquals(8, origins.size(), origins.toString());
    }

    @Test
    void oneVariableChangesThemOrTurnsThemOff() throws Exception {
        assertEquals("https://app.example", corsOrigins(Map.of("RAPPORT_CORS_ORIGINS", "https://app.example")));
        assertEquals("", corsOrigins(Map.of("RAPPORT_CORS_ORIGINS", "")));
    }

    private static String corsOrigins(Map<String, String> env) throws IOException, InterruptedException {
        Path state = Files.createTempDirectory("rapport-launcher-test");
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("deploy/local/rapport").toString(), "env", "gateway")
            .redirectErrorStream(true);
        builder.environment().remove("RAPPORT_CORS_ORIGINS");
        builder.environment().put("RAPPORT_STATE_DIR", state.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out.lines().filter(l -> l.startsWith("CORS_ORIGINS=")).findFirst()
            .orElseThrow(() -> new AssertionError("no CORS_ORIGINS in\n" + out)).substring("CORS_ORIGINS=".length());
    }
}
