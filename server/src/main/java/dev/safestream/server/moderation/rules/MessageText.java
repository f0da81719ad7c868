package dev.safestream.server.moderation.rules;

import dev.safestream.models.text.TextNormalizer;
import java.util.List;

/**
 * A message's text with its normalised form computed at most once, however many rules ask for it. Not thread-safe:
 * one instance per message, used by one thread.
 */
public final class MessageText {
    private final String raw;
    private final TextNormalizer normalizer;
    private List<String> tokens;
    private String normalised;

    public MessageText(String raw, TextNormalizer normalizer) {
        this.raw = raw;
        this.normalizer = normalizer;
    }

    /** The text as the author typed it. */
    public String raw() {
        return raw;
    }

    /** Canonical word tokens ({@link TextNormalizer#tokens}): leetspeak, homoglyphs and separators undone. */
    public List<String> tokens() {
        if (tokens == null) {
            tokens = normalizer.tokens(raw);
        }
        return tokens;
    }

    /** The tokens joined by single spaces. */
    public String normalised() {
        if (normalised == null) {
            normalised = String.join(" ", tokens());
        }
        return normalised;
    }
}
