package dev.safestream.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.models.Heads;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Training and evaluation sentences built from the identity lexicon. */
class IdentityTemplatesTest {
    private final IdentityLexicon lexicon = IdentityLexicon.standard();

    @Test
    void theEvaluationSetIsEveryEvaluationTermWithEveryEvaluationTemplate() {
        List<IdentityTemplates.IdentitySentence> sentences = IdentityTemplates.evaluationSentences();
        assertThat(sentences)
                .hasSize(lexicon.evaluationTerms().size()
                        * lexicon.evaluationTemplates().size());
        assertThat(sentences.size()).isGreaterThanOrEqualTo(3000);
        assertThat(IdentityTemplates.evaluation()).doesNotHaveDuplicates().hasSize(sentences.size());
        assertThat(sentences).allSatisfy(s -> assertThat(s.category()).isEqualTo(lexicon.category(s.term())));
    }

    @Test
    void trainingIsAboutFifteenHundredNeutralSentencesSpreadEvenlyOverTrainingTerms() {
        List<IdentityTemplates.IdentitySentence> sentences = IdentityTemplates.trainingSentences(lexicon);
        assertThat(sentences.size()).isBetween(1300, 1700);
        assertThat(sentences)
                .extracting(IdentityTemplates.IdentitySentence::text)
                .doesNotHaveDuplicates();
        Map<String, Long> perTerm = sentences.stream()
                .collect(Collectors.groupingBy(IdentityTemplates.IdentitySentence::term, Collectors.counting()));
        assertThat(perTerm.keySet()).containsExactlyInAnyOrderElementsOf(lexicon.trainingTerms());
        assertThat(perTerm.values().stream().distinct()).hasSize(1);

        List<Example> examples = IdentityTemplates.training(10f);
        assertThat(examples).hasSize(sentences.size());
        assertThat(examples).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo(IdentityTemplates.SOURCE);
            assertThat(e.weight()).isEqualTo(10f);
            for (String head : List.of(Heads.TOXIC, Heads.OFFENSIVE, Heads.HATE)) {
                assertThat(e.has(Heads.index(head))).isTrue();
                assertThat(e.positive(Heads.index(head))).isFalse();
            }
            assertThat(e.has(Heads.index(Heads.INSULT))).isFalse();
        });
        assertThat(IdentityTemplates.training(10f))
                .extracting(Example::text)
                .containsExactlyElementsOf(examples.stream().map(Example::text).toList());
    }

    @Test
    void trainingSentencesUseTrainingTemplatesOnly() {
        for (IdentityTemplates.IdentitySentence s : IdentityTemplates.trainingSentences(lexicon)) {
            assertThat(lexicon.trainingTemplates().stream().map(t -> IdentityTemplates.fill(t, s.term())))
                    .as(s.text())
                    .contains(s.text());
            assertThat(lexicon.evaluationTemplates().stream().map(t -> IdentityTemplates.fill(t, s.term())))
                    .as(s.text())
                    .doesNotContain(s.text());
        }
    }

    @Test
    void theArticleFollowsTheTermsFirstSound() {
        assertThat(IdentityTemplates.fill("I am a {} man", "immigrant")).isEqualTo("I am an immigrant man");
        assertThat(IdentityTemplates.fill("I am a {} man", "Sikh")).isEqualTo("I am a Sikh man");
        assertThat(IdentityTemplates.fill("A {} person won", "elderly")).isEqualTo("An elderly person won");
        assertThat(IdentityTemplates.fill("a {} viewer", "Ugandan")).isEqualTo("a Ugandan viewer");
        assertThat(IdentityTemplates.fill("a {} viewer", "Uzbek")).isEqualTo("an Uzbek viewer");
        assertThat(IdentityTemplates.fill("a {} viewer", "LGBTQ")).isEqualTo("an LGBTQ viewer");
        assertThat(IdentityTemplates.fill("my {} friend", "Omani")).isEqualTo("my Omani friend");
        assertThat(IdentityTemplates.fill("gamma {} team", "Omani")).isEqualTo("gamma Omani team");
    }
}
