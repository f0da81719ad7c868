package dev.safestream.server.it;

import java.util.SplittableRandom;

/** Random chat text of the kinds that break encoders: surrogates, controls, emoji, combining marks, huge runs. */
final class FuzzText {
    private static final String[] PIECES = {
        "\ud800",
        "\udfff",
        "\ud83d",
        "\ude00",
        "😀",
        "👩‍👩‍👧",
        "e\u0301\u0301\u0301",
        "\u0000",
        "\u0007",
        "\u001b[2J",
        "\u0085",
        "\u009b",
        "\u202e",
        "\u2066",
        "\u2069",
        "\ufeff",
        "\uffff",
        "\ufffe",
        "\n",
        "\r\n",
        "\t",
        "\\",
        "\"",
        "</script>",
        "zalgo\u0336\u0337\u0338",
        "idiot",
        "a",
        " "
    };

    private FuzzText() {}

    static String next(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(1, 40);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(400) == 0) {
                text.append("x".repeat(random.nextInt(100, 3000))); // longer than a message may be
            } else {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return text.toString();
    }

    /** JSON string content with every non-ASCII or special char as a \\u escape, lone surrogates included. */
    static String jsonEscaped(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
