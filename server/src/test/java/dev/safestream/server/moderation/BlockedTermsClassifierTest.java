package dev.safestream.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class BlockedTermsClassifierTest {
    private final BlockedTermsClassifier defaults = BlockedTermsClassifier.withDefaultTerms();

    @Test
    void cleanTextScoresZero() {
        Verdict v = defaults.classify("great stream today, love the music");
        assertThat(v.score()).isZero();
        assertThat(v.categories()).isEmpty();
        assertThat(v.evidence()).isEmpty();
    }

    @Test
    void obfuscatedThreatScoresAsAThreat() {
        Verdict v = defaults.classify("just k.y.s already");
        assertThat(v.score()).isGreaterThanOrEqualTo(0.9);
        assertThat(v.categories()).containsKey("threat");
        assertThat(v.evidence()).contains("kys");
    }

    @Test
    void multiWordTermsMatchAcrossSeparators() {
        assertThat(defaults.classify("KILL   your-self").score()).isGreaterThanOrEqualTo(0.9);
        assertThat(defaults.classify("kill the boss in the game, yourself included")
                        .score())
                .isLessThan(0.9);
    }

    @Test
    void wildcardsMatchPrefixesAndPluralsButNotInnocentWords() {
        assertThat(defaults.classify("idiots everywhere").score()).isEqualTo(0.7);
        assertThat(defaults.classify("fuuuuckkk this").score()).isGreaterThanOrEqualTo(0.8);
        assertThat(defaults.classify("I flew in the cockpit").score()).isZero();
        assertThat(defaults.classify("Scunthorpe united").score()).isZero();
    }

    @Test
    void scoreIsTheWorstTermAndCategoriesKeepTheirOwnWorst() {
        Verdict v = defaults.classify("you idiot, kill yourself");
        assertThat(v.score()).isEqualTo(0.98);
        assertThat(v.categories()).containsEntry("insult", 0.7).containsEntry("threat", 0.98);
    }

    @Test
    void customListsParseScoresCategoriesAndComments() throws Exception {
        BlockedTermsClassifier custom =
                BlockedTermsClassifier.fromList(new StringReader("# comment\nbanana 0.5 fruit\n*berry 0.7\nplain\n"));
        assertThat(custom.size()).isEqualTo(3);
        assertThat(custom.classify("BANANA!").categories()).containsEntry("fruit", 0.5);
        assertThat(custom.classify("strawberry").score()).isEqualTo(0.7);
        assertThat(custom.classify("plain").score()).isEqualTo(0.95);
    }

    @Test
    void invalidScoresAreRejectedWithTheLineNumber() {
        assertThatThrownBy(() -> BlockedTermsClassifier.fromList(new StringReader("ok\n!!! 0.5\n")))
                .hasMessageContaining("line 2");
    }
}
