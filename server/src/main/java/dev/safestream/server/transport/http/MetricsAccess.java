package dev.safestream.server.transport.http;

import dev.safestream.server.limits.Limit;
import dev.safestream.server.limits.LimitMeters;
import dev.safestream.server.transport.Networks;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may scrape {@code /metrics/prometheus}: the server's meters name internals (queue depths, limits hit, node
 * names) that a careful operator keeps off the public network. Allowed: a client on loopback (after trusted proxies,
 * so a reverse proxy does not make the world local), a client in METRICS_ALLOWED_NETWORKS, or a request with
 * {@code Authorization: Bearer <METRICS_TOKEN>}. Everyone else gets 403, counted as the {@code metrics_access} limit.
 */
final class MetricsAccess {
    private static final String BEARER = "Bearer ";

    private final Networks allowed;
    private final byte[] token;
    private final LimitMeters limits;

    /**
     * @param allowedNetworks METRICS_ALLOWED_NETWORKS, CIDRs (loopback is always allowed)
     * @param token METRICS_TOKEN, or null/blank for none
     */
    MetricsAccess(Networks allowedNetworks, String token, LimitMeters limits) {
        this.allowed = allowedNetworks;
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.limits = limits;
    }

    /** @throws WebApplicationException 403 when the client may not scrape */
    void check(String clientAddress, String authorization) {
        if (Networks.isLoopback(clientAddress) || allowed.contains(clientAddress) || tokenMatches(authorization)) {
            return;
        }
        limits.rejected(Limit.METRICS_ACCESS);
        throw new WebApplicationException(
                "The Prometheus endpoint answers loopback, METRICS_ALLOWED_NETWORKS and requests with"
                        + " Authorization: Bearer <METRICS_TOKEN>",
                403);
    }

    /** Compared in constant time: the time to refuse says nothing about how much of the token was right. */
    private boolean tokenMatches(String authorization) {
        if (token == null || authorization == null || !authorization.startsWith(BEARER)) {
            return false;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }
}
