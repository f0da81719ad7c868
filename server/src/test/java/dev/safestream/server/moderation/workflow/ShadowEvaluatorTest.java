package dev.safestream.server.moderation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.protocol.settings.ModerationMode;
import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.protocol.settings.Terms;
import dev.safestream.protocol.settings.Thresholds;
import dev.safestream.server.fanout.ChatMeters;
import dev.safestream.server.moderation.Assessment;
import dev.safestream.server.moderation.FakeClassifier;
import dev.safestream.server.moderation.ModerationPolicy;
import dev.safestream.server.moderation.ScoreJudge;
import dev.safestream.server.workers.WorkerMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShadowEvaluatorTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ChatMeters meters = new ChatMeters(registry);
    private final ModerationPolicy policy =
            ModerationPolicy.compile(ModerationSettings.defaults(0.6, 0.9), new TextNormalizer());

    private static Assessment live(double score) {
        return ScoreJudge.judge(ModerationMode.POST, Thresholds.of(0.6, 0.9), score, Map.of(), List.of());
    }

    private double agreement(boolean agree) {
        return registry.get("safestream_shadow_agreement")
                .tag("agree", Boolean.toString(agree))
                .counter()
                .count();
    }

    private double shadowDecisions(String decision) {
        return registry.get("safestream_shadow_decisions")
                .tag("decision", decision)
                .counter()
                .count();
    }

    @Test
    void withoutItsOwnClassifierTheShadowJudgesTheLiveScores() {
        ShadowEvaluator shadow = new ShadowEvaluator(Thresholds.of(0.5, 0.9), null, meters, new WorkerMeters(registry));
        shadow.evaluate(List.of(
                new ShadowEvaluator.Case(policy, "a", live(0.1)),
                new ShadowEvaluator.Case(policy, "b", live(0.55)),
                new ShadowEvaluator.Case(policy, "c", live(0.95))));
        assertThat(agreement(true)).isEqualTo(2);
        assertThat(agreement(false)).isEqualTo(1);
        assertThat(shadowDecisions("flag")).isEqualTo(1);
        assertThat(shadowDecisions("block")).isEqualTo(1);
    }

    @Test
    void aShadowClassifierScoresTheSameModelInputInOneBatch() {
        FakeClassifier second = new FakeClassifier().word("meh", 0.7, "insult");
        ModerationPolicy allowingHell = ModerationPolicy.compile(
                new ModerationSettings(
                        ModerationMode.POST,
                        Thresholds.of(0.6, 0.9),
                        new Terms(List.of(), List.of("hell")),
                        null,
                        0,
                        null,
                        null),
                new TextNormalizer());
        ShadowEvaluator shadow =
                new ShadowEvaluator(Thresholds.of(0.6, 0.9), second, meters, new WorkerMeters(registry));
        shadow.evaluate(List.of(
                new ShadowEvaluator.Case(allowingHell, "hell meh", live(0.1)),
                new ShadowEvaluator.Case(allowingHell, "fine", live(0.1))));
        assertThat(second.batches()).containsExactly(List.of("meh", "fine"));
        assertThat(agreement(false)).isEqualTo(1);
        assertThat(agreement(true)).isEqualTo(1);
    }

    @Test
    void batchesOfferedWhileStoppedAreCountedAsSkipped() {
        ShadowEvaluator shadow = new ShadowEvaluator(Thresholds.of(0.5, 0.9), null, meters, new WorkerMeters(registry));
        shadow.close();
        shadow.submit(List.of(new ShadowEvaluator.Case(policy, "a", live(0.1))));
        assertThat(registry.get("safestream_shadow_skipped").counter().count()).isEqualTo(1);
    }
}
