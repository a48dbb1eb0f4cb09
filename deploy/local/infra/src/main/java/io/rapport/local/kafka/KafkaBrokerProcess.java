package io.rapport.local.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.rapport.local.InfraClasspath;

/**
 * The local broker forked in its own JVM, for tests: it stops with its parent (stdin EOF), and
 * {@link #close()} stops it and waits until it is gone.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Process process;
    private final String bootstrap;

    private KafkaBrokerProcess(Process process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    public static KafkaBrokerProcess start(int port, Path dataDir, int partitions, Path logFile) {
        List<String> command = new ArrayList<>(List.of(InfraClasspath.javaBinary(), "-Xmx512m",
            "-cp", InfraClasspath.get(), KafkaBrokerMain.class.getName(),
            "--port", String.valueOf(port), "--controller-port", String.valueOf(port + 1),
            "--data-dir", dataDir.toString(), "--partitions", String.valueOf(partitions), "--exit-on-stdin-eof"));
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            Process process = builder.start();
            String bootstrap = awaitReady(process, logFile);
            return new KafkaBrokerProcess(process, bootstrap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String awaitReady(Process process, Path logFile) {
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        return line.substring("READY ".length()).trim();
                    }
                }
                throw new IllegalStateException("the Kafka broker exited before it was ready; see " + logFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return ready.get(90, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the Kafka broker was not ready within 90 s; see " + logFile, e);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the Kafka broker did not start; see " + logFile, e);
        }
    }

    public String bootstrap() {
        return bootstrap;
    }

    public long pid() {
        return process.pid();
    }

    /** True when something accepts TCP connections on 127.0.0.1:port. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL, as a crash: no clean shutdown; returns once the process is gone. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: clean shutdown
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
