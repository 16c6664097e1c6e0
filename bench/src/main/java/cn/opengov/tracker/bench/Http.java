package cn.opengov.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * JSON over HTTP with Basic auth and keep-alive, as an API client would call. HttpURLConnection rather than
 * java.net.http: the latter sends headers and body in separate segments, so every POST waits out the server's
 * delayed acknowledgement (about 40 ms) and the bench would measure TCP, not the system.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String auth;

    Http(String user, String password) {
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    record Answer(int status, String position, JsonNode json) {
    }

    Answer post(String url, Object body) throws IOException {
        return send("POST", url, body);
    }

    Answer put(String url, Object body) throws IOException {
        return send("PUT", url, body);
    }

    private Answer send(String method, String url, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        HttpURLConnection c = open(url, method);
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.setFixedLengthStreamingMode(bytes.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(bytes);
        }
        return answer(c);
    }

    /** A download: its status and bytes. */
    byte[] bytes(String url) throws IOException {
        HttpURLConnection c = open(url, "GET");
        if (c.getResponseCode() != 200) {
            throw new IOException(url + " answered " + c.getResponseCode());
        }
        try (InputStream in = c.getInputStream()) {
            return in.readAllBytes();
        }
    }

    Answer get(String url) throws IOException {
        return answer(open(url, "GET"));
    }

    private HttpURLConnection open(String url, String method) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5000);
        c.setReadTimeout(120_000);
        c.setRequestProperty("Authorization", auth);
        c.setRequestProperty("Accept", "application/json");
        return c;
    }

    private static Answer answer(HttpURLConnection c) throws IOException {
        int status = c.getResponseCode();
        byte[] body;
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            body = in == null ? new byte[0] : in.readAllBytes();
        }
        JsonNode json = body.length > 0 && (body[0] == '{' || body[0] == '[') ? JSON.readTree(body) : JSON.nullNode();
        return new Answer(status, c.getHeaderField("X-Event-Position"), json);
    }
}
