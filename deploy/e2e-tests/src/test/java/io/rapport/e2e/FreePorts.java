package io.rapport.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Ports the operating system says are free on 127.0.0.1 right now, each handed out once per JVM: the system may
 * offer a port it just freed again, and a service given the same port for its API and its management interface
 * never became ready (Vert.x shares the port between the two servers).
 */
final class FreePorts {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    static synchronized int one() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port that was not handed out already");
    }

    /** A free port whose next port is free too (the broker's controller listens there). */
    static synchronized int pair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = one();
            if (port < 65535 && !HANDED_OUT.contains(port + 1) && free(port + 1)) {
                HANDED_OUT.add(port + 1);
                return port;
            }
        }
        throw new IllegalStateException("no two consecutive free ports found");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
