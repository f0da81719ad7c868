package dev.safestream.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.protocol.CloseCode;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.auth.Role;
import dev.safestream.server.fanout.Channel;
import dev.safestream.server.fanout.ChannelBus;
import dev.safestream.server.fanout.ChannelSettingsRepository;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.fanout.ChatConnection;
import dev.safestream.server.fanout.ChatMeters;
import dev.safestream.server.fanout.Outgoing;
import dev.safestream.server.fanout.SettingsRepository;
import dev.safestream.server.moderation.BatchModerator;
import dev.safestream.server.moderation.ContentModerator;
import dev.safestream.server.moderation.ToxicityClassifier;
import dev.safestream.server.moderation.Verdict;
import dev.safestream.server.moderation.rules.SpamTracker;
import dev.safestream.server.moderation.workflow.ModeratedMessage;
import dev.safestream.server.workers.WorkerMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pipeline survives what one message throws at it, {@link Error}s included; only that message is refused. */
class MessagePipelineSupervisionTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WorkerMeters workers = new WorkerMeters(registry);
    private final List<ModeratedMessage> stored = new CopyOnWriteArrayList<>();
    private final TextNormalizer normalizer = new TextNormalizer();
    private final ProtocolJson json = new ProtocolJson();
    private final ChatMeters meters = new ChatMeters(registry);
    private final Channels channels = new Channels(
            json,
            meters,
            ModerationSettings.defaults(0.6, 0.9),
            new NoSettings(),
            new NoLegacy(),
            normalizer,
            ChannelBus.local(100, java.time.Clock.systemUTC()));
    private final MessagePipeline pipeline = new MessagePipeline(
            100,
            new BatchModerator(new ContentModerator(new Poisoned()), new SpamTracker(), normalizer),
            new Memory(stored),
            null,
            null,
            null,
            null,
            meters,
            workers,
            Clock.systemUTC(),
            MessageIds.inMemory(0));
    private final Channel main = channels.get("main");

    @AfterEach
    void stop() {
        pipeline.close();
    }

    @Test
    void anErrorFromOneMessageRefusesThatMessageAndChatCarriesOn() {
        Recording alice = join("alice");
        Recording bob = join("bob");
        pipeline.start();

        submit(alice, "boom");
        submit(bob, "hello after the error");

        await().atMost(Duration.ofSeconds(10)).until(() -> bob.saw("hello after the error"));
        await().atMost(Duration.ofSeconds(10)).until(() -> alice.saw("message_failed"));
        assertThat(alice.saw("\"message\":\"boom\"")).isFalse();
        assertThat(bob.saw("\"message\":\"boom\"")).isFalse();
        assertThat(stored).extracting(ModeratedMessage::text).containsExactly("hello after the error");
        assertThat(workers.failures(MessagePipeline.WORKER)).isGreaterThanOrEqualTo(1);
        assertThat(pipeline.stalled()).isNull();
    }

    @Test
    void aPoisonMessageInsideABatchTakesOnlyItselfDown() {
        Recording alice = join("alice");
        Recording bob = join("bob");
        // queued before the worker starts, so all three arrive in one batch
        submit(bob, "first");
        submit(alice, "boom");
        submit(bob, "third");
        pipeline.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> bob.saw("third") && bob.saw("first"));
        await().atMost(Duration.ofSeconds(10)).until(() -> alice.saw("message_failed"));
        assertThat(stored).extracting(ModeratedMessage::text).containsExactly("first", "third");
    }

    @Test
    void aConnectionThatThrowsIsClosedAndTheOthersStillReceive() {
        Recording broken = join("broken");
        broken.failWith = new Error("socket exploded");
        Recording bob = join("bob");
        pipeline.start();

        submit(bob, "still flowing");

        await().atMost(Duration.ofSeconds(10)).until(() -> bob.saw("still flowing"));
        submit(bob, "and again");
        await().atMost(Duration.ofSeconds(10)).until(() -> bob.saw("and again"));
    }

    private Recording join(String user) {
        Recording c = new Recording(new Principal(user, Role.VIEWER));
        main.join(c, false);
        return c;
    }

    private void submit(Recording author, String text) {
        assertThat(pipeline.submit(new MessagePipeline.Submission(author, main, text, false, System.nanoTime())))
                .isTrue();
    }

    /** Throws an {@link Error} (not an exception) on any batch holding "boom", as a bug deep in a library would. */
    private static final class Poisoned implements ToxicityClassifier {
        @Override
        public Verdict classify(String text) {
            if (text.contains("boom")) {
                throw new AssertionError("poisoned by " + text);
            }
            return Verdict.CLEAN;
        }

        @Override
        public String name() {
            return "poisoned";
        }
    }

    /** A connection that records frames; with {@code failWith} set, every offer throws it. */
    private static final class Recording implements ChatConnection {
        private final Principal principal;
        private final ConcurrentLinkedQueue<String> frames = new ConcurrentLinkedQueue<>();
        volatile Error failWith;

        Recording(Principal principal) {
            this.principal = principal;
        }

        boolean saw(String fragment) {
            return frames.stream().anyMatch(f -> f.contains(fragment));
        }

        @Override
        public Principal principal() {
            return principal;
        }

        @Override
        public String channel() {
            return "main";
        }

        @Override
        public boolean offer(Outgoing frame) {
            if (failWith != null) {
                throw failWith;
            }
            frames.add(frame.json());
            return true;
        }

        @Override
        public void close(CloseCode code, String reason) {}

        @Override
        public boolean isOpen() {
            return true;
        }
    }

    private record Memory(List<ModeratedMessage> stored) implements MessageRepository {
        @Override
        public void saveAll(List<ModeratedMessage> messages) {
            stored.addAll(messages);
        }

        @Override
        public long maxId() {
            return 0;
        }

        @Override
        public List<dev.safestream.protocol.ChatPosted> recentVisible(String channel, int limit) {
            return List.of();
        }
    }

    private static final class NoSettings implements ChannelSettingsRepository {
        @Override
        public Map<String, ModerationSettings> all() {
            return Map.of();
        }

        @Override
        public void save(String channel, ModerationSettings settings) {}
    }

    private static final class NoLegacy implements SettingsRepository {
        @Override
        public Optional<String> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(String key, String value) {}

        @Override
        public Map<String, String> findByPrefix(String prefix) {
            return Map.of();
        }
    }
}
