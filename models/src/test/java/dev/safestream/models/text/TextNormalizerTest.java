package dev.safestream.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "idiot",
                "IDIOT",
                "1d10t",
                "idiooooot",
                "i d i o t",
                "i.d.i.o.t",
                "i-d-i-o-t",
                "id\u200Biot",
                "іdіоt", // Cyrillic і and о
                "ＩＤＩＯＴ", // full-width
                "ìdíöt",
                "id\u00ADiot"
            })
    void obfuscatedSpellingsNormaliseToOneToken(String text) {
        assertThat(normalizer.tokens(text)).containsExactly("idiot");
    }

    @Test
    void ordinaryTextKeepsItsWords() {
        assertThat(normalizer.tokens("Hello there, friend!")).containsExactly("helo", "there", "friend");
    }

    @Test
    void theEncoderSeesSpacedOutWordsWhole() {
        assertThat(normalizer.forEncoder("you are an I D I O T!")).isEqualTo("you are an idiot!");
        assertThat(normalizer.forEncoder("what a m.o.r.o.n")).isEqualTo("what a moron");
        assertThat(normalizer.forEncoder("I am a cat, a b test")).isEqualTo("i am a cat, a b test");
        assertThat(normalizer.forEncoder("plan b. c. d")).isEqualTo("plan b. c. d");
    }

    @Test
    void twoSingleLettersInARowAreNotJoined() {
        assertThat(normalizer.tokens("a b test")).containsExactly("a", "b", "test");
    }

    @Test
    void wordsOfTermsAreNormalisedLikeTokens() {
        assertThat(normalizer.word("Idiot")).isEqualTo("idiot");
        assertThat(normalizer.word("asshole")).isEqualTo("ashole");
    }
}
