package dev.safestream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.safestream.models.text.TextNormalizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The obfuscation check: the mixed-word trick, the AUC and flip arithmetic, and the model card's table. */
class RobustnessTest {
    private static final String TEXT = "you are a complete idiot and everyone here knows it, 100% sure";

    private static Obfuscator.Trick mixed() {
        return Obfuscator.TRICKS.stream()
                .filter(t -> t.name().equals(Obfuscator.MIXED))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theMixedTrickRewritesSomeWordsDeterministicallyAndLeavesTheRest() {
        String once = mixed().apply().apply(TEXT, new Random(42));
        String again = mixed().apply().apply(TEXT, new Random(42));

        assertThat(once).isEqualTo(again).isNotEqualTo(TEXT);
        assertThat(once).contains("100% sure".substring(0, 5)).startsWith("you are a ");
        int kept = 0;
        for (String word : List.of("complete", "idiot", "everyone", "here", "knows", "and")) {
            kept += once.contains(word) ? 1 : 0;
        }
        assertThat(kept).as("some long words stay as they were, some change").isBetween(1, 5);
    }

    @Test
    void theFastModelsTokensSeeThroughMostOfTheMixedTrick() {
        TextNormalizer normalizer = new TextNormalizer();
        List<String> clean = normalizer.tokens(TEXT);
        int same = 0;
        for (int seed = 0; seed < 50; seed++) {
            same += normalizer
                            .tokens(mixed().apply().apply(TEXT, new Random(seed)))
                            .equals(clean)
                    ? 1
                    : 0;
        }
        assertThat(same).isGreaterThan(25);
    }

    @Test
    void compareGivesAucPerSliceAndMovementOverAllRows() {
        List<double[]> clean = List.of(new double[] {0.9, 0.8, 0.1, 0.2}, new double[] {0.7, 0.3});
        List<double[]> moved = List.of(new double[] {0.1, 0.8, 0.9, 0.2}, new double[] {0.7, 0.3});
        List<boolean[]> labels = List.of(new boolean[] {true, true, false, false}, new boolean[] {true, false});

        ArtifactChecks.TrickResult r = ArtifactChecks.compare("t", clean, moved, labels, new double[] {0.5, 0.5});

        assertThat(r.auc().get(0)).isEqualTo(0.25); // one of the four positive-negative pairs still in order
        assertThat(r.auc().get(1)).isEqualTo(1.0);
        assertThat(r.meanShift()).isCloseTo(1.6 / 6, within(1e-9));
        assertThat(r.flipRate()).isEqualTo(2 / 6.0);
    }

    @Test
    void theCardGivesCleanAucAndTheDropPerTrick() {
        ArtifactChecks.Robustness r = new ArtifactChecks.Robustness(
                List.of(
                        new ArtifactChecks.Slice(DataSets.JIGSAW, "toxic", 577, 61, 0.961),
                        new ArtifactChecks.Slice(DataSets.OLID, "offensive", 2648, 880, 0.843)),
                List.of(new ArtifactChecks.TrickResult(Obfuscator.MIXED, List.of(0.950, 0.820), 0.031, 0.025)));
        StringBuilder b = new StringBuilder();

        ModelCard.robustness(b, r);

        assertThat(b.toString())
                .contains("| trick | jigsaw toxic AUC (577 rows, 61 positive) | drop | olid offensive AUC (2648 rows,")
                .contains("| none (clean) | 0.961 | | 0.843 | | | |")
                .contains("| " + Obfuscator.MIXED + " | 0.950 | +0.011 | 0.820 | +0.023 | 0.031 | 2.5% |");
    }
}
