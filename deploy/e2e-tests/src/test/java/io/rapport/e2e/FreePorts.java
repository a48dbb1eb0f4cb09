package io.rapport.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports the operating system says are free on 127.0.0.1 right now. */
final class FreePorts {

    private FreePorts() {
    }

    static int one() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port whose next port is free too (the broker's controller listens there). */
    static int pair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = one();
            if (port < 65535 && free(port + 1)) {
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
