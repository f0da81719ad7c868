package dev.safestream.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counting the identity false-positive rates and writing them into the model card. */
class IdentityBiasTest {
    private static IdentityTemplates.IdentitySentence sentence(String term, String category) {
        return new IdentityTemplates.IdentitySentence("my " + term + " friend", term, category);
    }

    @Test
    void ratesPerCategoryAndTheHighestScoresFlagged() {
        List<IdentityTemplates.IdentitySentence> sentences = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sentences.add(sentence("term" + (i % 4), "religion"));
            scores.add(i < 15 ? 0.9 + i / 1000.0 : 0.1);
        }
        sentences.add(sentence("x", "age"));
        scores.add(0.2);
        double[] toxic = scores.stream().mapToDouble(Double::doubleValue).toArray();

        ArtifactChecks.IdentityBias bias = ArtifactChecks.identityBias(sentences, toxic, 0.5);

        assertThat(bias.sentences()).isEqualTo(21);
        assertThat(bias.rate()).isEqualTo(15 / 21.0);
        assertThat(bias.byCategory()).containsOnlyKeys("age", "religion");
        assertThat(bias.byCategory().get("religion")).isEqualTo(new ArtifactChecks.CategoryRate(4, 20, 0.75));
        assertThat(bias.byCategory().get("age")).isEqualTo(new ArtifactChecks.CategoryRate(1, 1, 0.0));
        assertThat(bias.mostFlagged()).hasSize(ArtifactChecks.MOST_FLAGGED);
        assertThat(bias.mostFlagged().get(0)).isEqualTo(sentences.get(14).text());
    }

    @Test
    void theCardSaysWhatTheSetIsAndGivesEachCategory() {
        ArtifactChecks.IdentityBias after = new ArtifactChecks.IdentityBias(
                4000,
                0.02,
                Map.of("religion", new ArtifactChecks.CategoryRate(22, 600, 0.05)),
                List.of("my Hindu neighbour helped me move"));
        ArtifactChecks.IdentityBias before = new ArtifactChecks.IdentityBias(
                4000, 0.08, Map.of("religion", new ArtifactChecks.CategoryRate(22, 600, 0.2)), List.of());
        ModelCard.Inputs in = new ModelCard.Inputs(
                null, null, Map.of(IdentityTemplates.SOURCE, 1512L), 5, 42, before, after, 777, null, null, 0, "");
        StringBuilder b = new StringBuilder();

        ModelCard.identityBias(b, in);

        IdentityLexicon lexicon = IdentityLexicon.standard();
        assertThat(b.toString())
                .contains("**2.0%** with the shipped model, 8.0%")
                .contains("every pairing of " + lexicon.evaluationTerms().size() + " evaluation terms with "
                        + lexicon.evaluationTemplates().size() + " evaluation templates")
                .contains("(1512 neutral sentences")
                .contains("(777 copies;")
                .contains("| religion | 22 | 600 | 5.0% | 20.0% |")
                .contains("\"my Hindu neighbour helped me move\"");
    }
}
