package dev.safestream.server.moderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.models.text.TextNormalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedTermsTest {
    private final TextNormalizer normalizer = new TextNormalizer();
    private final AllowedTerms allowed =
            new AllowedTerms(TermList.compile(List.of("hell", "noob*"), normalizer), normalizer);

    @Test
    void allowedWordsAreRemovedFromWhatTheClassifierSees() {
        assertThat(allowed.mask("what the HELL, noobs")).isEqualTo("what the");
        assertThat(allowed.mask("h3ll yeah")).isEqualTo("yeah");
    }

    @Test
    void textWithoutAllowedWordsIsPassedThroughUnchanged() {
        String text = "  hello   there ";
        assertThat(allowed.mask(text)).isSameAs(text);
        AllowedTerms none = new AllowedTerms(TermList.empty(), normalizer);
        assertThat(none.mask("hell")).isEqualTo("hell");
    }

    @Test
    void evidenceMadeOfAllowedWordsIsDropped() {
        assertThat(allowed.filterEvidence(List.of("hell", "idiot", "noobish"))).containsExactly("idiot");
    }

    @Test
    void aWordMixingAllowedAndOtherTokensIsKept() {
        assertThat(allowed.mask("hell-idiot")).isEqualTo("hell-idiot");
    }
}
