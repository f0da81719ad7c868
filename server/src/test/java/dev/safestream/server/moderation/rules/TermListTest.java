package dev.safestream.server.moderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.models.text.TextNormalizer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TermListTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    private Optional<TermList.Match> find(List<String> terms, String text) {
        return TermList.compile(terms, normalizer).find(new MessageText(text, normalizer));
    }

    @Test
    void aPlainWordMatchesItselfAndItsPluralWhateverTheObfuscation() {
        assertThat(find(List.of("idiot"), "what an 1d10t")).isPresent();
        assertThat(find(List.of("idiot"), "i.d.i.o.t")).isPresent();
        assertThat(find(List.of("idiot"), "IDIOOOTS everywhere")).isPresent();
        assertThat(find(List.of("idiot"), "idiotic")).isEmpty();
    }

    @Test
    void wildcardsMatchAnyLettersAtTheirEnd() {
        assertThat(find(List.of("idiot*"), "so idiotic").map(TermList.Match::matched))
                .contains("idiotic");
        assertThat(find(List.of("*hole"), "you ahole")).isPresent();
        assertThat(find(List.of("*hole"), "holes")).isEmpty();
        assertThat(find(List.of("*spam*"), "nospamplease")).isPresent();
    }

    @Test
    void phrasesMatchConsecutiveWordsAlsoWhenJoined() {
        assertThat(find(List.of("free vbucks"), "get FREE v-bucks now")).isPresent();
        assertThat(find(List.of("free vbucks"), "get FREE vbucks now")).isPresent();
        assertThat(find(List.of("free vbucks"), "get freevbucks now")).isPresent();
        assertThat(find(List.of("free vbucks"), "free stuff, vbucks")).isEmpty();
    }

    @Test
    void regexIsTriedOnTheRawAndTheNormalisedText() {
        assertThat(find(List.of("/v-?bucks/"), "cheap V-Bucks here").map(TermList.Match::matched))
                .contains("V-Bucks");
        assertThat(find(List.of("/\\bmoney\\b/"), "send M.O.N.E.Y"))
                .as("normalised")
                .isPresent();
        assertThat(find(List.of("/free/"), "FR3E stuff"))
                .as("normalised text collapses repeats: fre")
                .isEmpty();
        assertThat(find(List.of("/^hello$/"), "hello there")).isEmpty();
        assertThat(find(List.of("/x/"), "no match")).isEmpty();
    }

    @Test
    void aCatastrophicRegexRunsOutOfBudgetInsteadOfStallingThePipeline() {
        String evil = "a".repeat(40) + "c";
        long start = System.nanoTime();
        assertThat(find(List.of("/(a+)+b/"), evil)).isEmpty();
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void theFirstMatchingEntryInListOrderWins() {
        assertThat(find(List.of("nothing", "idiot*", "/idiot/"), "idiots").map(TermList.Match::term))
                .contains("idiot*");
    }

    @Test
    void singleTokensMatchSingleWordEntriesOnly() {
        TermList list = TermList.compile(List.of("hell", "kill yourself", "gg*"), normalizer);
        assertThat(list.matchesToken(normalizer.word("hell"))).isTrue();
        assertThat(list.matchesToken("ggwp")).isTrue();
        assertThat(list.matchesToken("kill")).isFalse();
    }
}
