package dev.safestream.server.app.http;

import dev.safestream.server.app.cli.Env;
import dev.safestream.server.app.cli.Seconds;
import dev.safestream.server.transport.http.HttpSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The HTTP listener, who may embed and scrape it, and its per-address limits. */
public final class HttpOptions {
    @Option(
            names = "--host",
            defaultValue = "${env:APP_HOST}",
            description = "Bind address (APP_HOST); default 0.0.0.0, or 127.0.0.1 with --demo, whose accounts have"
                    + " well-known passwords.")
    public String host;

    @Option(
            names = "--port",
            defaultValue = "${env:APP_PORT:-8000}",
            description = "HTTP/WebSocket port; 0 picks a free one (APP_PORT).")
    public int port;

    @Option(
            names = "--max-request-bytes",
            defaultValue = "${env:MAX_REQUEST_BYTES:-65536}",
            description = "Largest HTTP request body; larger ones get 413 before they are read (MAX_REQUEST_BYTES).")
    public int maxRequestBytes;

    @Option(
            names = "--max-http-connections-per-address",
            defaultValue = "${env:MAX_HTTP_CONNECTIONS_PER_ADDRESS:-256}",
            description = "Open connections (HTTP and WebSocket) one client address may hold; more are closed as they"
                    + " arrive. Trusted proxies are exempt (MAX_HTTP_CONNECTIONS_PER_ADDRESS; 0 = unlimited).")
    public int maxHttpConnectionsPerAddress;

    @Option(
            names = "--http-header-timeout-secs",
            defaultValue = "${env:HTTP_HEADER_TIMEOUT_SECS:-20}",
            converter = Seconds.class,
            description = "Seconds a request head may take to arrive whole, counted from the connection's opening or"
                    + " its previous answer; slower connections are closed (HTTP_HEADER_TIMEOUT_SECS).")
    public Duration httpHeaderTimeout;

    @Option(
            names = "--trusted-proxies",
            split = ",",
            defaultValue = "${env:TRUSTED_PROXIES:-127.0.0.1/32,::1/128}",
            description = "Reverse proxies (IP addresses or CIDRs, comma-separated) whose X-Forwarded-For is believed;"
                    + " every per-address limit uses the client address it names (TRUSTED_PROXIES).")
    public List<String> trustedProxies;

    @Option(
            names = "--embed-allowed-origins",
            split = ",",
            defaultValue = "${env:EMBED_ALLOWED_ORIGINS}",
            description = "Origins allowed to embed the viewer in a frame, e.g. https://mystream.example; default:"
                    + " none, the pages refuse to be framed (EMBED_ALLOWED_ORIGINS).")
    public List<String> frameAncestors;

    @Option(
            names = "--metrics-allowed-networks",
            split = ",",
            defaultValue = "${env:METRICS_ALLOWED_NETWORKS}",
            description = "Networks (CIDRs, comma-separated) that may scrape /metrics/prometheus besides loopback"
                    + " (METRICS_ALLOWED_NETWORKS); METRICS_TOKEN (environment only) lets a bearer token scrape from"
                    + " anywhere.")
    public List<String> metricsAllowedNetworks;

    /** METRICS_TOKEN: environment only. */
    public String metricsToken;

    public void readSecrets(Map<String, String> env) {
        metricsToken = Env.secret(env, "METRICS_TOKEN");
    }

    /** These settings; without --host the server binds {@code defaultHost}. */
    public HttpSettings settings(String defaultHost) {
        String bind = Env.blankToNull(host);
        return new HttpSettings(
                bind == null ? defaultHost : bind,
                port,
                maxRequestBytes,
                maxHttpConnectionsPerAddress,
                httpHeaderTimeout,
                Env.list(trustedProxies),
                Env.list(frameAncestors),
                Env.list(metricsAllowedNetworks),
                metricsToken);
    }
}
