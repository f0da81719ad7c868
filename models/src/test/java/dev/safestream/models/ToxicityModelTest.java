package dev.safestream.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped artifacts, loaded the way the server loads them. */
class ToxicityModelTest {
    private static ToxicityModel model;

    @BeforeAll
    static void load() {
        model = ToxicityModel.load(ModelArtifacts.shipped(), 1, Integer.MAX_VALUE);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void manifestMatchesTheHeadsAndHasABand() {
        ModelManifest manifest = model.manifest();
        assertThat(manifest.heads()).isEqualTo(Heads.ALL);
        assertThat(manifest.cascadeLow()).isLessThan(manifest.cascadeHigh());
        assertThat(manifest.threshold(Heads.TOXIC)).isBetween(0.05, 0.95);
    }

    @Test
    void insultsScoreFarAboveFriendlyChat() {
        List<ModelScores> scores = model.score(List.of(
                "you are a fucking idiot",
                "shut up you stupid bitch",
                "great stream today, thanks for the tips!",
                "what game are we playing next?"));
        double threshold = model.manifest().threshold(Heads.TOXIC);
        assertThat(scores.get(0).toxic()).isGreaterThan(threshold);
        assertThat(scores.get(1).toxic()).isGreaterThan(threshold);
        assertThat(scores.get(2).toxic()).isLessThan(threshold);
        assertThat(scores.get(3).toxic()).isLessThan(threshold);
        assertThat(scores.get(0).categories()).containsKeys("offensive", "hate", "insult", "obscene", "threat");
        assertThat(scores.get(0).categories().get("obscene"))
                .isGreaterThan(scores.get(2).categories().get("obscene"));
    }

    @Test
    void obfuscationDoesNotHideAnInsult() {
        double plain = model.score("you are a stupid idiot").toxic();
        double hidden = model.score("you are a $tup1d 1d10000t").toxic();
        assertThat(Math.abs(plain - hidden)).isLessThan(0.15);
    }

    @Test
    void explanationNamesTheWordsThatDroveTheScore() {
        assertThat(model.explain("hey everyone, you are an idiot", 3, 0.1)).contains("idiot");
        assertThat(model.explain("", 3, 0.1)).isEmpty();
    }

    @Test
    void budgetZeroKeepsEveryMessageOnTheFastPath() {
        try (ToxicityModel fastOnly = ToxicityModel.load(ModelArtifacts.shipped(), 1, 0)) {
            assertThat(fastOnly.score(List.of("you are kind of dumb", "hello")))
                    .allSatisfy(s -> assertThat(s.path()).isEqualTo("fast"));
        }
        assertThat(model.score(List.of())).isEmpty();
    }
}
