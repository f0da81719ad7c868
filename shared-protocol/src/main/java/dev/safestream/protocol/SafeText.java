package dev.safestream.protocol;

/**
 * Makes client-supplied text safe to moderate, store, encode and display; applied once, where JSON is decoded
 * ({@link ProtocolJson}), so every string field any client can set passes through it.
 *
 * <ul>
 *   <li>A lone surrogate (valid in a JSON escape such as {@code "\ud800"}, but not encodable as UTF-8) becomes
 *       U+FFFD, so no later encoder can fail on it.
 *   <li>C0 and C1 control characters are removed, except line feed; so are DEL and the bidirectional embedding,
 *       override and isolate controls U+202A–U+202E and U+2066–U+2069 ({@code "\u202etoidi"} would display as
 *       "idiot" and slip past the moderation of what is written).
 *   <li>Invisible characters that only hide text are removed too: zero-width space U+200B, the marks LRM, RLM and
 *       ALM (U+200E, U+200F, U+061C), the word joiner and invisible operators U+2060–U+2064, the byte order mark
 *       U+FEFF and the line and paragraph separators U+2028 and U+2029 (which break lines where JSON and the page do
 *       not expect it). The zero-width joiner and non-joiner stay: emoji sequences and Persian and Indic writing need
 *       them, and moderation ignores them anyway.
 * </ul>
 *
 * <p>Text that needs no change is returned as the same instance, so the common case costs one scan.
 */
public final class SafeText {
    private static final char REPLACEMENT = '\uFFFD';

    private SafeText() {}

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        int n = text.length();
        while (i < n && !needsWork(text, i)) {
            i += Character.isHighSurrogate(text.charAt(i)) ? 2 : 1;
        }
        if (i >= n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n).append(text, 0, i);
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else if (!removed(c)) {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    private static boolean needsWork(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) || removed(c);
    }

    private static boolean removed(char c) {
        if (c < 0x20) {
            return c != '\n';
        }
        return (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200B
                || c == 0x200E
                || c == 0x200F
                || c == 0x061C
                || (c >= 0x2060 && c <= 0x2064)
                || c == 0xFEFF
                || c == 0x2028
                || c == 0x2029;
    }
}
