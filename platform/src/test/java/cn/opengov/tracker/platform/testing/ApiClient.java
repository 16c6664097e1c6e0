package cn.opengov.tracker.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A small HTTP client for the tests: JSON in and out, HTTP Basic, read-your-writes. Every successful command's
 * {@code X-Event-Position} is remembered and sent as {@code X-Min-Position} on the next query, as a page would.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String authorization;
    private final long[] lastPosition;

    private ApiClient(String baseUrl, String authorization, long[] lastPosition) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.lastPosition = lastPosition;
    }

    public static ApiClient at(String baseUrl) {
        return new ApiClient(baseUrl, null, new long[] {-1});
    }

    public ApiClient as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(baseUrl, "Basic " + token, lastPosition);
    }

    public ApiClient anonymous() {
        return new ApiClient(baseUrl, null, lastPosition);
    }

    /** The same user against another side, sharing the last position seen. */
    public ApiClient on(String otherBaseUrl) {
        return new ApiClient(otherBaseUrl, authorization, lastPosition);
    }

    public Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(bytes(body)), headers);
    }

    /** POSTs one file as multipart/form-data, in the part {@code field}. */
    public Response postFile(String path, String field, String fileName, byte[] content) {
        String boundary = "----tracker" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    /** A body given as bytes or text is sent as it is; anything else as JSON. */
    public Response put(String path, Object body) {
        return send("PUT", path, HttpRequest.BodyPublishers.ofByteArray(bytes(body)), Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), Map.of());
    }

    public Response get(String path) {
        return get(path, Map.of());
    }

    public Response get(String path, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        if (lastPosition[0] >= 0) {
            all.putIfAbsent("X-Min-Position", String.valueOf(lastPosition[0]));
        }
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), all);
    }

    /** GETs until the answer is 200 and matches, or fails after 60 seconds. */
    public Response await(String path, Predicate<JsonNode> until) {
        return await(path, until, Duration.ofSeconds(60));
    }

    public Response await(String path, Predicate<JsonNode> until, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        Response last;
        do {
            last = get(path);
            if (last.status() == 200 && until.test(last.json())) {
                return last;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("GET " + path + " never matched; last answer " + last.status() + " " + last.text());
    }

    /**
     * Waits (on a query side) until no rebuild of the read models is pending and every segment has processed the
     * head of the event store: from then on the answers are the rebuilt tables'.
     */
    public JsonNode awaitRebuilt(Duration atMost) {
        return await("/api/admin/projections/status", s -> !s.path("rebuildPending").asBoolean(true)
                && s.path("processedPosition").asLong() >= s.path("headPosition").asLong(), atMost).json();
    }

    private Response send(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body)
                .header("Content-Type", headers.getOrDefault("Content-Type", "application/json"))
                .header("Accept", "application/json, application/problem+json, */*");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Response answer = new Response(response.statusCode(), response.headers().map(), response.body());
            answer.header("X-Event-Position").ifPresent(p -> lastPosition[0] = Math.max(lastPosition[0], Long.parseLong(p)));
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Object body) {
        return body instanceof byte[] b ? b : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : write(body);
    }

    private static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An answer: status, headers, body as bytes, text and JSON. */
    public record Response(int status, Map<String, java.util.List<String>> headers, byte[] body) {

        public java.util.Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        public String field(String name) {
            return json().path(name).asText();
        }
    }
}
