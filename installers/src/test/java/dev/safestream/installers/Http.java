package dev.safestream.installers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/** What the smoke tests ask of a running packaged server, with the JDK client's defaults (it offers h2c). */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final Pattern LISTENING = Pattern.compile("SafeStream listening on (http://\\S+)");

    private Http() {}

    /** Waits until a starting server says where it listens, and returns that address. */
    static URI awaitListening(Launched server) {
        return URI.create(server.awaitLine(LISTENING, Duration.ofSeconds(90)).group(1));
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(URI uri, String type, String body) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(uri)
                        .timeout(TIMEOUT)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> register(URI base, String user, String password)
            throws IOException, InterruptedException {
        return post(
                base.resolve("/auth/register"),
                "application/json",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    static HttpResponse<String> login(URI base, String user, String password) throws IOException, InterruptedException {
        return post(
                base.resolve("/auth/login"),
                "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }
}
