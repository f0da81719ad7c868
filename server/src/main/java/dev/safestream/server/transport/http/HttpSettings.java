package dev.safestream.server.transport.http;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The HTTP listener and its limits.
 *
 * @param host the bind address (APP_HOST)
 * @param port the port, 0 for a free one (APP_PORT)
 * @param maxRequestBytes larger request bodies get 413 (MAX_REQUEST_BYTES)
 * @param maxHttpConnectionsPerAddress open connections one address (not a trusted proxy) may hold; 0 = unlimited
 *     (MAX_HTTP_CONNECTIONS_PER_ADDRESS)
 * @param headerTimeout how long a request head may take to arrive whole (HTTP_HEADER_TIMEOUT_SECS)
 * @param trustedProxies reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES)
 * @param frameAncestors origins allowed to embed the pages in a frame (EMBED_ALLOWED_ORIGINS); empty = none
 * @param metricsAllowedNetworks CIDRs that may scrape {@code /metrics/prometheus} besides loopback
 *     (METRICS_ALLOWED_NETWORKS)
 * @param metricsToken a bearer token that may scrape from anywhere (METRICS_TOKEN, environment only), or null
 */
public record HttpSettings(
        String host,
        int port,
        int maxRequestBytes,
        int maxHttpConnectionsPerAddress,
        Duration headerTimeout,
        List<String> trustedProxies,
        List<String> frameAncestors,
        List<String> metricsAllowedNetworks,
        String metricsToken) {
    /** A scheme and host (optionally a wildcard subdomain and a port): nothing that could extend the CSP. */
    private static final Pattern ORIGIN = Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9.-]+(:\\d{1,5})?");

    public HttpSettings {
        trustedProxies = List.copyOf(trustedProxies);
        frameAncestors = List.copyOf(frameAncestors);
        metricsAllowedNetworks = List.copyOf(metricsAllowedNetworks);
        require(port >= 0 && port <= 65535, "--port/APP_PORT must be between 0 and 65535");
        require(maxRequestBytes >= 1024, "--max-request-bytes/MAX_REQUEST_BYTES must be at least 1024");
        require(
                maxHttpConnectionsPerAddress >= 0,
                "--max-http-connections-per-address/MAX_HTTP_CONNECTIONS_PER_ADDRESS must not be negative"
                        + " (0 = unlimited)");
        require(
                headerTimeout.toSeconds() >= 1,
                "--http-header-timeout-secs/HTTP_HEADER_TIMEOUT_SECS must be at least 1");
        for (String origin : frameAncestors) {
            require(
                    ORIGIN.matcher(origin).matches(),
                    "EMBED_ALLOWED_ORIGINS: '" + origin + "' is not an origin such as https://example.com");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() { // never the metrics token
        return "HttpSettings[host=" + host + ", port=" + port + "]";
    }
}
