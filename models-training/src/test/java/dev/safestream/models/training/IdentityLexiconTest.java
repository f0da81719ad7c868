package dev.safestream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped identity lexicon, its train/evaluation split and its whole-word matching. */
class IdentityLexiconTest {
    private final IdentityLexicon lexicon = IdentityLexicon.standard();

    @Test
    void theLexiconIsLargeEnough() {
        assertThat(lexicon.size()).isGreaterThanOrEqualTo(300);
        assertThat(lexicon.trainingTemplates().size()
                        + lexicon.evaluationTemplates().size())
                .isGreaterThanOrEqualTo(48);
        assertThat(lexicon.byCategory(lexicon.evaluationTerms()).keySet())
                .contains(
                        "nationality", "ethnicity", "religion", "sexual_orientation", "gender_identity", "disability");
    }

    @Test
    void termsAndTemplatesAreInExactlyOneHalf() {
        Set<String> training = lower(lexicon.trainingTerms());
        Set<String> evaluation = lower(lexicon.evaluationTerms());
        assertThat(training).doesNotContainAnyElementsOf(evaluation);
        assertThat(training.size() + evaluation.size()).isEqualTo(lexicon.size());
        assertThat(lexicon.trainingTemplates()).doesNotContainAnyElementsOf(lexicon.evaluationTemplates());
        int templates = lexicon.trainingTemplates().size()
                + lexicon.evaluationTemplates().size();
        assertThat(lexicon.trainingTemplates()).hasSize(templates / 2);
    }

    @Test
    void eachCategoryIsSplitInHalf() {
        Map<String, List<String>> training = lexicon.byCategory(lexicon.trainingTerms());
        lexicon.byCategory(lexicon.evaluationTerms()).forEach((category, evaluation) -> {
            int all = evaluation.size() + training.get(category).size();
            assertThat(training.get(category)).as(category).hasSize(all / 2);
        });
    }

    @Test
    void noEvaluationSentenceContainsATrainingTermAndViceVersa() {
        Pattern trainingTerms = IdentityLexicon.wholeWords(lexicon.trainingTerms());
        Pattern evaluationTerms = IdentityLexicon.wholeWords(lexicon.evaluationTerms());
        for (IdentityTemplates.IdentitySentence s : IdentityTemplates.evaluationSentences()) {
            assertThat(trainingTerms.matcher(s.text()).results().map(r -> r.group()))
                    .as(s.text())
                    .isEmpty();
            assertThat(evaluationTerms.matcher(s.text()).results().map(r -> r.group()))
                    .as(s.text())
                    .containsExactly(s.term());
        }
        for (IdentityTemplates.IdentitySentence s : IdentityTemplates.trainingSentences(lexicon)) {
            assertThat(evaluationTerms.matcher(s.text()).find()).as(s.text()).isFalse();
        }
    }

    @Test
    void theSplitIsFixedBySeed() {
        Map<String, String> terms = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            terms.put("term" + i, i % 3 == 0 ? "a" : "b");
        }
        List<String> templates = List.of("one {}", "two {}", "three {}", "four {}", "five {}", "six {}");
        IdentityLexicon first = IdentityLexicon.split(terms, templates, 7);
        IdentityLexicon again = IdentityLexicon.split(terms, templates, 7);
        IdentityLexicon other = IdentityLexicon.split(terms, templates, 8);
        assertThat(again.trainingTerms()).isEqualTo(first.trainingTerms());
        assertThat(again.trainingTemplates()).isEqualTo(first.trainingTemplates());
        assertThat(other.trainingTerms()).isNotEqualTo(first.trainingTerms());
        assertThat(first.trainingTerms()).hasSize(20);
        assertThat(first.trainingTemplates()).hasSize(3);
    }

    @Test
    void aTermInsideAnotherIsRejected() {
        Map<String, String> terms = Map.of("Black", "ethnicity", "Black British", "nationality");
        assertThatThrownBy(() -> IdentityLexicon.split(terms, List.of("a {} b", "c {} d"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Black British");
    }

    @Test
    void aTemplateContainingATermIsRejected() {
        Map<String, String> terms = Map.of("young", "age", "deaf", "disability");
        assertThatThrownBy(() -> IdentityLexicon.split(terms, List.of("my {} friend", "a young {} player"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("young");
    }

    @Test
    void termsMatchAsWholeWordsOnly() {
        Pattern p = IdentityLexicon.wholeWords(List.of("Asian", "gay", "Sri Lankan"));
        assertThat(p.matcher("my Caucasian friend Gaylord, gaydar, gay_gamer, Asians")
                        .find())
                .isFalse();
        assertThat(p.matcher("Asian-American GAY #gay sri  Lankan").results().map(r -> r.group()))
                .containsExactly("Asian", "GAY", "gay", "sri  Lankan");
    }

    private static Set<String> lower(List<String> terms) {
        return terms.stream().map(IdentityLexicon::lower).collect(Collectors.toSet());
    }
}
