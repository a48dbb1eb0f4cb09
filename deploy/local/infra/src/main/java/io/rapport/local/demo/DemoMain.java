package io.rapport.local.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code deploy/local/rapport demo}: loads a realistic PMO network through the gateway of the running local stack
 * (see {@link DemoNetwork}, {@link DemoHistory}), with a progress line, then says what it added.
 *
 * <p>Options: {@code --url} (the gateway, default http://127.0.0.1:8080), {@code --jwt-dir} (the stack's key pair,
 * default .rapport/jwt), {@code --issuer} (default rapport-local), {@code --seed} (default 2026: the same seed gives
 * the same network), {@code --threads} (default 8). Exit code 1 with a one-line error on failure.
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8080";
        Path jwtDir = Path.of(".rapport/jwt");
        String issuer = "rapport-local";
        long seed = 2026;
        int threads = 8;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--jwt-dir" -> jwtDir = Path.of(args[++i]);
                case "--issuer" -> issuer = args[++i];
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("error: unknown option " + args[i]
                        + ". Usage: rapport demo [--seed N] [--threads N] [--url URL] [--jwt-dir DIR] [--issuer ISS]");
                    System.exit(2);
                }
            }
        }
        long t0 = System.nanoTime();
        DemoLoader loader = new DemoLoader(new DemoClient(url, jwtDir.resolve("private.pem"), issuer), seed, threads);
        Thread printer = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                print(loader, t0, false);
                try {
                    Thread.sleep(System.console() != null ? 300 : 5000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "demo-progress");
        printer.setDaemon(true);
        try {
            LocalDate anchor = loader.anchor();
            DemoPlan plan = DemoNetwork.plan(seed, anchor);
            printer.start();
            loader.load(plan);
            printer.interrupt();
            printer.join();
            print(loader, t0, true);
            System.out.printf("demo: seed %d, timeline up to %s: %d items added, %d already there, in %.1f s%n", seed, anchor,
                loader.added.get(), loader.replayed.get(), (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException e) {
            printer.interrupt();
            System.out.println();
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void print(DemoLoader loader, long t0, boolean last) {
        StringBuilder line = new StringBuilder("demo:");
        for (Map.Entry<String, AtomicInteger[]> e : loader.progress.entrySet()) {
            line.append(' ').append(e.getKey()).append(' ').append(e.getValue()[0].get()).append('/').append(e.getValue()[1].get());
        }
        line.append(String.format(" · %.0f s", (System.nanoTime() - t0) / 1e9));
        if (System.console() != null) {
            System.out.print("\r" + line + (last ? "\n" : ""));
        } else {
            System.out.println(line);
        }
        System.out.flush();
    }
}
