package io.rapport.gateway;

import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** One request written as given on a socket (what java.net.http refuses to send, e.g. {@code %ZZ}); the whole answer. */
final class RawRequest {

    private RawRequest() {
    }

    /** The request must say {@code Connection: close}: the answer is read to the end of the stream. */
    static String send(URL base, String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
