package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 23: the Prometheus scrape answered anyone. Requests come through loopback, which the test server trusts as a
 * proxy, so {@code X-Forwarded-For} plays a client from elsewhere.
 */
@Timeout(60)
class MetricsAccessIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "scrape-secret-0123456789";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> {
            b.http.metricsAllowedNetworks = List.of("198.51.100.0/24");
            b.http.metricsToken = TOKEN;
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path, String from, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (from != null) {
            request.header("X-Forwarded-For", from);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loopbackAndAllowedNetworksMayScrape() {
        assertThat(get("/metrics/prometheus", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/metrics/prometheus", "198.51.100.20", null).body()).contains("safestream_");
    }

    @Test
    void anyoneElseIsRefusedUnlessTheyCarryTheToken() {
        HttpResponse<String> stranger = get("/metrics/prometheus", "203.0.113.7", null);
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.body())
                .contains("\"detail\"")
                .contains("METRICS_TOKEN")
                .doesNotContain(TOKEN);
        assertThat(get("/metrics/prometheus", "203.0.113.7", "Bearer wrong").statusCode())
                .isEqualTo(403);
        assertThat(get("/metrics/prometheus", "203.0.113.7", "Bearer " + TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(get("/metrics/prometheus", null, null).body()).contains("limit=\"metrics_access\"");
    }

    @Test
    void theChannelFiguresStayPublic() {
        HttpResponse<String> figures = get("/metrics", "203.0.113.7", null);
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(figures.body()).contains("viewer_count");
    }
}
