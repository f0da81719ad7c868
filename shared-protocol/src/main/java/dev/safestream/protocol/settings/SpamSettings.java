package dev.safestream.protocol.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spam filters; each is off at 0 (or {@code false}) and blocks the message when it fires.
 *
 * @param maxCapsRatio block when more than this share of the letters are capitals, (0, 1]; 0 = off
 * @param capsMinLetters the caps filter ignores messages with fewer letters than this
 * @param maxRepeatedChars block when the same character or emoji repeats more than this many times in a row; 0 = off
 * @param duplicateWindowSeconds block a message identical (after normalisation) to one the same user sent within this
 *     many seconds; 0 = off
 * @param blockLinks block messages containing links, except to {@code allowedLinkDomains}
 * @param allowedLinkDomains domains (and their subdomains) links may point to when links are blocked
 * @param floodMessages block a user's messages beyond this many within {@code floodWindowSeconds}; 0 = off
 * @param floodWindowSeconds the flood window
 */
public record SpamSettings(
        @JsonProperty("max_caps_ratio") double maxCapsRatio,
        @JsonProperty("caps_min_letters") int capsMinLetters,
        @JsonProperty("max_repeated_chars") int maxRepeatedChars,
        @JsonProperty("duplicate_window_seconds") int duplicateWindowSeconds,
        @JsonProperty("block_links") boolean blockLinks,
        @JsonProperty("allowed_link_domains") List<String> allowedLinkDomains,
        @JsonProperty("flood_messages") int floodMessages,
        @JsonProperty("flood_window_seconds") int floodWindowSeconds) {
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

    public SpamSettings {
        Check.unit("spam.max_caps_ratio", maxCapsRatio);
        Check.range("spam.caps_min_letters", capsMinLetters, 1, 500);
        Check.require(
                maxRepeatedChars == 0 || maxRepeatedChars >= 2,
                "spam.max_repeated_chars must be 0 (off) or at least 2 (got " + maxRepeatedChars + ")");
        Check.range("spam.max_repeated_chars", maxRepeatedChars, 0, 500);
        Check.range("spam.duplicate_window_seconds", duplicateWindowSeconds, 0, 86_400);
        allowedLinkDomains = Check.list("spam.allowed_link_domains", allowedLinkDomains, 200).stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .toList();
        for (int i = 0; i < allowedLinkDomains.size(); i++) {
            Check.matches(
                    "spam.allowed_link_domains[" + i + "]",
                    allowedLinkDomains.get(i),
                    DOMAIN,
                    "a domain name such as example.com");
        }
        Check.range("spam.flood_messages", floodMessages, 0, 10_000);
        Check.range("spam.flood_window_seconds", floodWindowSeconds, 1, 3_600);
    }

    /** Every filter off. */
    public static SpamSettings off() {
        return new SpamSettings(0, 8, 0, 0, false, List.of(), 0, 10);
    }
}
