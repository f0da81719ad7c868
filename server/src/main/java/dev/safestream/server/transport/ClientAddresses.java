package dev.safestream.server.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client address every per-address limit uses. A connection from a trusted proxy (TRUSTED_PROXIES, CIDRs) is
 * attributed to the address its {@code X-Forwarded-For} names: the header is read from the right, skipping trusted
 * proxies, and the first address a trusted proxy did not add itself is the client's. Entries further left were written
 * by the client and are ignored. From any other peer the header is ignored, so clients cannot choose their address.
 */
public final class ClientAddresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Cidr> trusted;

    /** @throws IllegalArgumentException when an entry is not an IP address or CIDR block */
    public ClientAddresses(List<String> trustedProxies) {
        List<Cidr> parsed = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                parsed.add(Cidr.parse(entry.strip()));
            }
        }
        this.trusted = List.copyOf(parsed);
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
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                return client; // a proxy wrote something that is not an address: trust no further
            }
            client = hop.getHostAddress();
            if (!matchesTrusted(hop)) {
                return client;
            }
        }
        return client;
    }

    public boolean isTrusted(String address) {
        InetAddress parsed = literal(address);
        return parsed != null && matchesTrusted(parsed);
    }

    private boolean matchesTrusted(InetAddress address) {
        for (Cidr cidr : trusted) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Parses an IP literal without ever resolving a name; null when it is not one. */
    static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(t).matches() && !IPV6.matcher(t).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException(
                        "TRUSTED_PROXIES: '" + text + "' is not an IP address or CIDR block");
            }
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("TRUSTED_PROXIES: bad prefix length in '" + text + "'");
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
