package dev.safestream.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.server.fanout.ChatMeters;
import dev.safestream.server.moderation.Assessment;
import dev.safestream.server.moderation.BatchModerator;
import dev.safestream.server.moderation.CascadeLikeClassifier;
import dev.safestream.server.moderation.ContentModerator;
import dev.safestream.server.moderation.Decision;
import dev.safestream.server.moderation.ModerationPolicy;
import dev.safestream.server.moderation.Verdict;
import dev.safestream.server.moderation.rules.SpamTracker;
import dev.safestream.server.workers.WorkerMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecondOpinionsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TextNormalizer normalizer = new TextNormalizer();
    private final ModerationPolicy policy = ModerationPolicy.compile(ModerationSettings.defaults(0.6, 0.9), normalizer);
    private final SecondOpinions opinions = new SecondOpinions(
            new BatchModerator(new ContentModerator(new CascadeLikeClassifier()), new SpamTracker(), normalizer),
            8,
            new ChatMeters(registry),
            new WorkerMeters(registry));

    @AfterEach
    void stop() {
        opinions.close();
    }

    @Test
    void aDeferredMessageComesBackWithTheCarefulVerdict() {
        opinions.start();
        assertThat(opinions.offer(pending("maybe rude", System.nanoTime()))).isTrue();
        List<SecondOpinions.Settled> settled = awaitSettled(1);
        assertThat(settled.get(0).assessment().decision()).isEqualTo(Decision.BLOCK);
        assertThat(opinions.outstanding()).isZero();
        assertThat(registry.counter("safestream_encoder_deferred").count()).isEqualTo(1);
    }

    @Test
    void aMessageThatWaitedTooLongKeepsItsFastVerdict() {
        opinions.start();
        long longAgo = System.nanoTime() - 2 * SecondOpinions.MAX_WAIT_NANOS;
        opinions.offer(pending("maybe rude", longAgo));
        Assessment assessment = awaitSettled(1).get(0).assessment();
        assertThat(assessment.decision()).isEqualTo(Decision.ALLOW); // the provisional 0.5
        assertThat(registry.counter("safestream_encoder_skipped").count()).isEqualTo(1);
    }

    @Test
    void aFullInboxRefusesSoTheCallerCanFallBack() {
        for (int i = 0; i < 8; i++) {
            assertThat(opinions.offer(pending("maybe " + i, System.nanoTime()))).isTrue();
        }
        assertThat(opinions.offer(pending("maybe one too many", System.nanoTime())))
                .isFalse();
        assertThat(opinions.outstanding()).isEqualTo(8);
        assertThat(registry.counter("safestream_encoder_deferred").count()).isEqualTo(8);
    }

    private SecondOpinions.Pending pending(String text, long receivedNanos) {
        ContentModerator.Deferred deferred =
                new ContentModerator.Deferred(0, policy, text, new Verdict(0.5, Map.of(), List.of()));
        return new SecondOpinions.Pending(null, deferred, Instant.EPOCH, receivedNanos);
    }

    private List<SecondOpinions.Settled> awaitSettled(int n) {
        List<SecondOpinions.Settled> all = new ArrayList<>();
        await().until(() -> {
            all.addAll(opinions.drainSettled());
            return all.size() >= n;
        });
        return all;
    }
}
