package dev.safestream.console.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.safestream.protocol.rest.ErrorBody;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * JSON over HTTP for {@link HttpServerClient}: a 2xx answer is read into a shared-protocol record, any other status
 * becomes a {@link ServerException} carrying the server's {@link ErrorBody#detail()}. Thread-safe.
 */
final class JsonHttp {
    private final URI base;
    private final HttpClient http;
    private final ObjectMapper mapper;

    JsonHttp(URI base, HttpClient http, ObjectMapper mapper) {
        this.base = base;
        this.http = http;
        this.mapper = mapper;
    }

    <T> CompletableFuture<T> send(HttpRequest request, Class<T> type) {
        return send(request, mapper.readerFor(type));
    }

    /**
     * Sends a request and reads a 2xx body into the reader's record; any other status becomes a
     * {@link ServerException} with the server's {@code detail} ({@link ErrorBody}).
     */
    <T> CompletableFuture<T> send(HttpRequest request, ObjectReader reader) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                throw new ServerException(0, "cannot reach " + base + ": " + cause);
            }
            if (response.statusCode() >= 400) {
                throw new ServerException(response.statusCode(), detail(response));
            }
            try {
                return reader.readValue(response.body());
            } catch (IOException e) {
                throw new ServerException(
                        response.statusCode(), "unexpected answer from " + request.uri() + ": " + e.getMessage());
            }
        });
    }

    /** An error body's {@code detail}, else its {@code title}, else the body itself or the status. */
    private String detail(HttpResponse<String> response) {
        String body = response.body();
        try {
            ErrorBody error = body == null || body.isBlank() ? null : mapper.readValue(body, ErrorBody.class);
            if (error != null && error.detail() != null) {
                return error.detail();
            }
            if (error != null && error.title() != null) {
                return error.title();
            }
        } catch (IOException notJson) {
            return body;
        }
        return "HTTP " + response.statusCode();
    }
}
