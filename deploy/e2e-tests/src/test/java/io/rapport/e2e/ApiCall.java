package io.rapport.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request to the gateway, as raw as a hostile client may make it: any method, path (already
 * percent-encoded), repeated query parameters, headers, body bytes and content type. {@link #send} returns what
 * came back. Immutable; the {@code with…} methods copy.
 */
record ApiCall(String method, String path, List<Map.Entry<String, String>> query, Map<String, String> headers,
               byte[] body, String what) {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    static ApiCall of(String method, String path) {
        return new ApiCall(method, path, List.of(), Map.of(), null, method + " " + path);
    }

    ApiCall withQuery(String name, String value) {
        List<Map.Entry<String, String>> q = new ArrayList<>(query);
        q.add(Map.entry(name, value));
        return new ApiCall(method, path, q, headers, body, what);
    }

    /** This query parameter with only this value. */
    ApiCall replacingQuery(String name, String value) {
        List<Map.Entry<String, String>> q = new ArrayList<>(query);
        q.removeIf(e -> e.getKey().equals(name));
        q.add(Map.entry(name, value));
        return new ApiCall(method, path, q, headers, body, what);
    }

    ApiCall withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiCall(method, path, query, h, body, what);
    }

    ApiCall withoutHeader(String name) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.remove(name);
        return new ApiCall(method, path, query, h, body, what);
    }

    ApiCall withToken(String token) {
        return token == null ? withoutHeader("Authorization") : withHeader("Authorization", "Bearer " + token);
    }

    ApiCall withJson(String json) {
        return withBody("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    ApiCall withBody(String contentType, byte[] bytes) {
        ApiCall c = new ApiCall(method, path, query, headers, bytes, what);
        return contentType == null ? c.withoutHeader("Content-Type") : c.withHeader("Content-Type", contentType);
    }

    ApiCall withPath(String newPath) {
        return new ApiCall(method, newPath, query, headers, body, what);
    }

    ApiCall described(String description) {
        return new ApiCall(method, path, query, headers, body, description);
    }

    String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    String uri() {
        StringBuilder uri = new StringBuilder(path);
        for (int i = 0; i < query.size(); i++) {
            uri.append(i == 0 ? '?' : '&').append(encode(query.get(i).getKey())).append('=').append(encode(query.get(i).getValue()));
        }
        return uri.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Result send(String baseUrl) {
        URI target;
        try {
            target = new URI(baseUrl + uri());
        } catch (java.net.URISyntaxException e) {
            return RawHttp.send(baseUrl, this); // e.g. a malformed escape (%ZZ), which java.net.http refuses to send
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        try {
            HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> out = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> out.put(k.toLowerCase(), String.join(",", v)));
            return new Result(response.statusCode(), out, new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What came back: status, headers (lower-case names) and the body as text. */
    record Result(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String contentType() {
            String type = header("content-type");
            return type == null ? null : type.split(";")[0].trim();
        }
    }
}
