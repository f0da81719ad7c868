package dev.safestream.server.transport;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The client address every per-address limit uses. A connection from a trusted proxy (TRUSTED_PROXIES, CIDRs) is
 * attributed to the address its {@code X-Forwarded-For} names: the header is read from the right, skipping trusted
 * proxies, and the first address a trusted proxy did not add itself is the client's. Entries further left were written
 * by the client and are ignored. From any other peer the header is ignored, so clients cannot choose their address.
 */
public final class ClientAddresses {
    private final Networks trusted;

    /** @throws IllegalArgumentException when an entry is not an IP address or CIDR block */
    public ClientAddresses(List<String> trustedProxies) {
        this.trusted = Networks.parse(trustedProxies, "TRUSTED_PROXIES");
    }

    /**
     * @param peer the address the TCP connection came from
     * @param forwardedFor every {@code X-Forwarded-For} header value, in order (may be empty)
     */
    public String resolve(String peer, List<String> forwardedFor) {
        if (forwardedFor == null || forwardedFor.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = Networks.literal(hops.get(i));
            if (hop == null) {
                return client; // a proxy wrote something that is not an address: trust no further
            }
            client = hop.getHostAddress();
            if (!trusted.contains(hop)) {
                return client;
            }
        }
        return client;
    }

    public boolean isTrusted(String address) {
        return trusted.contains(address);
    }
}
