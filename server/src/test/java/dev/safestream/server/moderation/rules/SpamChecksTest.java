package dev.safestream.server.moderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.protocol.Explanation;
import dev.safestream.protocol.settings.SpamSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpamChecksTest {
    private static SpamSettings spam(double caps, int repeated, boolean links, List<String> domains) {
        return new SpamSettings(caps, 8, repeated, 0, links, domains, 0, 10);
    }

    @Test
    void capsFireAboveTheRatioOnceThereAreEnoughLetters() {
        SpamSettings s = spam(0.7, 0, false, List.of());
        assertThat(SpamChecks.caps("WHY IS NOBODY HERE", s)).hasValueSatisfying(e -> {
            assertThat(e.rule()).isEqualTo(Explanation.CAPS);
            assertThat(e.threshold()).isEqualTo(0.7);
            assertThat(e.score()).isEqualTo(1.0);
            assertThat(e.detail()).contains("100%").contains("limit 70%");
        });
        assertThat(SpamChecks.caps("GG WP", s)).as("too few letters").isEmpty();
        assertThat(SpamChecks.caps("Why is Nobody Here", s)).isEmpty();
        assertThat(SpamChecks.caps("WHY IS NOBODY HERE", SpamSettings.off())).isEmpty();
    }

    @Test
    void repeatedCharactersAndEmojiFireBeyondTheLimit() {
        SpamSettings s = spam(0, 5, false, List.of());
        assertThat(SpamChecks.repeated("nooooooo", s))
                .hasValueSatisfying(e -> assertThat(e.words()).containsExactly("o"));
        assertThat(SpamChecks.repeated("nooooo", s)).isEmpty();
        assertThat(SpamChecks.repeated("lol 😂😂😂😂😂😂", s))
                .hasValueSatisfying(e -> assertThat(e.words()).containsExactly("😂"));
        assertThat(SpamChecks.repeated("👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽", s))
                .as("skin-toned emoji are one grapheme")
                .isPresent();
        assertThat(SpamChecks.repeated("a          b", s))
                .as("whitespace runs do not count")
                .isEmpty();
    }

    @Test
    void linksAreBlockedUnlessTheirDomainIsAllowed() {
        SpamSettings s = spam(0, 0, true, List.of("twitch.tv"));
        assertThat(SpamChecks.link("visit https://spam.example.com/win now", s)).hasValueSatisfying(e -> {
            assertThat(e.rule()).isEqualTo(Explanation.LINK);
            assertThat(e.pattern()).isEqualTo("https://spam.example.com/win");
        });
        assertThat(SpamChecks.link("buy at cheap-followers.net", s)).isPresent();
        assertThat(SpamChecks.link("www.example.org", s)).isPresent();
        assertThat(SpamChecks.link("follow https://www.twitch.tv/someone", s)).isEmpty();
        assertThat(SpamChecks.link("clips.twitch.tv/abc", s)).isEmpty();
        assertThat(SpamChecks.link("i use node.js and e.g. java", s)).isEmpty();
        assertThat(SpamChecks.link("https://spam.example.com", spam(0, 0, false, List.of())))
                .isEmpty();
    }
}
