package dev.safestream.server.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of IP addresses and CIDR blocks from a setting (TRUSTED_PROXIES, METRICS_ALLOWED_NETWORKS), matched without
 * ever resolving a name. Immutable.
 */
public final class Networks {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Cidr> blocks;

    private Networks(List<Cidr> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * @param setting the setting's name, for the error message
     * @throws IllegalArgumentException when an entry is not an IP address or CIDR block
     */
    public static Networks parse(List<String> entries, String setting) {
        List<Cidr> parsed = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.isBlank()) {
                parsed.add(Cidr.parse(entry.strip(), setting));
            }
        }
        return new Networks(parsed);
    }

    /** Whether the address (an IP literal; anything else is not) lies in one of the blocks. */
    public boolean contains(String address) {
        InetAddress parsed = literal(address);
        return parsed != null && contains(parsed);
    }

    boolean contains(InetAddress address) {
        for (Cidr cidr : blocks) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the address is a loopback address (127.0.0.0/8, ::1). */
    public static boolean isLoopback(String address) {
        InetAddress parsed = literal(address);
        return parsed != null && parsed.isLoopbackAddress();
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
        static Cidr parse(String text, String setting) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException(setting + ": '" + text + "' is not an IP address or CIDR block");
            }
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(setting + ": bad prefix length in '" + text + "'");
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
