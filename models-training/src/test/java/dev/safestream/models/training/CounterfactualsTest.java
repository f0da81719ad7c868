package dev.safestream.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.models.Heads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Copies of labelled texts with training identity terms swapped within their category. */
class CounterfactualsTest {
    private static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

    static {
        for (String t : List.of("gay", "lesbian", "bisexual", "queer")) {
            CATEGORIES.put(t, "orientation");
        }
        for (String t : List.of("Muslim", "Sikh", "Hindu", "Jewish")) {
            CATEGORIES.put(t, "religion");
        }
        for (String t : List.of("Asian", "Sri Lankan", "Arab")) {
            CATEGORIES.put(t, "ethnicity");
        }
        CATEGORIES.put("LGBTQ", "umbrella");
    }

    private static final IdentityLexicon LEXICON = new IdentityLexicon(
            CATEGORIES,
            List.of("gay", "lesbian", "bisexual", "Muslim", "Sikh", "Hindu", "Asian", "Sri Lankan", "LGBTQ"),
            List.of("queer", "Jewish", "Arab"),
            List.of("my {} friend"),
            List.of("the {} team"));

    private static Example example(String text, String source, boolean toxic, float weight) {
        return DataSets.example(text, source, Map.of(Heads.TOXIC, toxic, Heads.HATE, toxic))
                .withWeight(weight);
    }

    @Test
    void aCopyKeepsLabelsSourceAndWeightAndSwapsWithinTheCategory() {
        Example original = example("my gay friend is Muslim", DataSets.OLID, true, 2.5f);
        List<Example> copies = Counterfactuals.augment(List.of(original), 1, LEXICON);
        assertThat(copies).hasSize(1);
        Example copy = copies.get(0);
        assertThat(copy.source()).isEqualTo(DataSets.OLID);
        assertThat(copy.weight()).isEqualTo(2.5f);
        assertThat(copy.labels()).containsExactly(original.labels()).isNotSameAs(original.labels());
        assertThat(copy.text()).matches("my (lesbian|bisexual) friend is (Sikh|Hindu)");
    }

    @Test
    void onlyTrainingTermsAreMatchedOrIntroduced() {
        Pattern evaluation = IdentityLexicon.wholeWords(LEXICON.evaluationTerms());
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            examples.add(example("gay Muslim Asian fan #" + i, DataSets.JIGSAW, i % 2 == 0, 1f));
        }
        examples.add(example("a queer Jewish Arab team", DataSets.JIGSAW, false, 1f));
        List<Example> copies = Counterfactuals.augment(examples, 3, LEXICON);
        assertThat(copies).hasSize(200);
        for (Example copy : copies) {
            assertThat(evaluation.matcher(copy.text()).find()).as(copy.text()).isFalse();
            assertThat(copy.text()).matches("(lesbian|bisexual) (Sikh|Hindu) Sri Lankan fan #\\d+");
        }
    }

    @Test
    void termsAreWholeWordsOnly() {
        List<Example> none = Counterfactuals.augment(
                List.of(
                        example("my Caucasian friend Gaylord", DataSets.OLID, false, 1f),
                        example("Asians and gays", DataSets.OLID, false, 1f),
                        example("hello chat", DataSets.OLID, false, 1f),
                        example("\u017Fikh", DataSets.OLID, false, 1f)),
                1,
                LEXICON);
        assertThat(none).isEmpty();
    }

    @Test
    void theArticleBeforeASwappedTermFollowsItsSound() {
        String copy = Counterfactuals.augment(
                        List.of(example("An Asian fan, a Sri Lankan fan", DataSets.OLID, false, 1f)), 1, LEXICON)
                .get(0)
                .text();
        assertThat(copy).isEqualTo("A Sri Lankan fan, an Asian fan");
    }

    @Test
    void aTermAloneInItsCategoryGivesNoCopy() {
        assertThat(Counterfactuals.augment(List.of(example("LGBTQ chat", DataSets.OLID, false, 1f)), 1, LEXICON))
                .isEmpty();
    }

    @Test
    void theSameTermGetsTheSameReplacementInTheMatchedCapitalisation() {
        Example e = example("Gay pride, GAY caps, gay again. LGBTQ", DataSets.OLID, false, 1f);
        String copy = Counterfactuals.augment(List.of(e), 5, LEXICON).get(0).text();
        assertThat(copy)
                .matches(
                        "(Lesbian pride, LESBIAN caps, lesbian again|Bisexual pride, BISEXUAL caps, bisexual again)\\. LGBTQ");
        assertThat(Counterfactuals.styled("Sri Lankan", "asian", "Asian")).isEqualTo("sri Lankan");
        assertThat(Counterfactuals.styled("LGBTQ", "gay", "gay")).isEqualTo("LGBTQ");
        assertThat(Counterfactuals.styled("gay", "LGBTQ", "LGBTQ")).isEqualTo("Gay");
    }

    @Test
    void differentTermsOfACategoryGetDifferentReplacementsWhenPossible() {
        for (long seed = 0; seed < 50; seed++) {
            String copy = Counterfactuals.augment(
                            List.of(example("Sikh and Hindu", DataSets.OLID, false, 1f)), seed, LEXICON)
                    .get(0)
                    .text();
            String[] words = copy.split(" and ");
            assertThat(words[0]).isNotEqualTo(words[1]);
        }
    }

    @Test
    void theSameSeedGivesTheSameCopies() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            examples.add(example("the gay Sikh from Asian chat " + i, DataSets.DAVIDSON, false, 1f));
        }
        List<String> first = texts(Counterfactuals.augment(examples, 42, LEXICON));
        assertThat(texts(Counterfactuals.augment(examples, 42, LEXICON))).isEqualTo(first);
        assertThat(texts(Counterfactuals.augment(examples, 43, LEXICON))).isNotEqualTo(first);
    }

    @Test
    void withTheShippedLexiconEvaluationSentencesAreNeverAugmented() {
        IdentityLexicon lexicon = IdentityLexicon.standard();
        List<Example> evaluation = IdentityTemplates.evaluation().stream()
                .map(t -> example(t, DataSets.OLID, false, 1f))
                .toList();
        assertThat(Counterfactuals.augment(evaluation, 1)).isEmpty();

        List<Example> training = IdentityTemplates.training(1f);
        List<Example> copies = Counterfactuals.augment(training, 1);
        assertThat(copies).hasSize(training.size());
        Pattern evaluationTerms = IdentityLexicon.wholeWords(lexicon.evaluationTerms());
        Pattern trainingTerms = IdentityLexicon.wholeWords(lexicon.trainingTerms());
        for (int i = 0; i < copies.size(); i++) {
            String text = copies.get(i).text();
            assertThat(evaluationTerms.matcher(text).find()).as(text).isFalse();
            assertThat(trainingTerms.matcher(text).find()).as(text).isTrue();
            assertThat(text).isNotEqualTo(training.get(i).text());
        }
    }

    private static List<String> texts(List<Example> examples) {
        return examples.stream().map(Example::text).toList();
    }
}
