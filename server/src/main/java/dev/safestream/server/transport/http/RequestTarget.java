package dev.safestream.server.transport.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a request target must look like before any handler sees it. Grizzly's decoder threw on malformed or non-UTF-8
 * percent-escapes, dot segments above the root and encoded NUL, slash or backslash, and the request ended as an empty
 * 500; none of our resources needs any of them, so they are answered 400 with the reason (issue 23, R7).
 */
final class RequestTarget {
    private RequestTarget() {}

    /**
     * @param path the raw (undecoded) path
     * @param query the raw query string, or null
     * @return why the target is refused, or null when it is fine
     */
    static String problem(String path, String query) {
        if (path == null || path.isEmpty()) {
            return "The request has no path";
        }
        String malformed = escapes(path);
        if (malformed == null && query != null) {
            malformed = escapes(query);
        }
        if (malformed != null) {
            return malformed;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%00") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e")) {
            return "Encoded NUL, dot, slash or backslash in the path is refused";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7F) {
                return "Backslashes and control characters in the path are refused";
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "Dot segments in the path are refused";
            }
        }
        return null;
    }

    /** Every {@code %} starts two hex digits, and the bytes they stand for are UTF-8; else why not. */
    private static String escapes(String text) {
        if (text.indexOf('%') < 0) {
            return null;
        }
        byte[] bytes = new byte[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || hex(text.charAt(i + 1)) < 0 || hex(text.charAt(i + 2)) < 0) {
                    return "Malformed percent-encoding: '%' must be followed by two hex digits";
                }
                bytes[n++] = (byte) ((hex(text.charAt(i + 1)) << 4) | hex(text.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                return "Request targets are ASCII; encode other characters as UTF-8 percent-escapes";
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n));
            return null;
        } catch (CharacterCodingException e) {
            return "Percent-escapes must encode UTF-8";
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
