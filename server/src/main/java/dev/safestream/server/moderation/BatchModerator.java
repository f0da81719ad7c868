package dev.safestream.server.moderation;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.protocol.Explanation;
import dev.safestream.server.moderation.rules.MessageText;
import dev.safestream.server.moderation.rules.SpamTracker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Moderates a batch of chat messages in order: exempt users pass, block-listed users are blocked, flood and duplicate
 * rules (which remember each user's recent messages) run, then {@link ContentModerator} does the rest with one
 * classifier call for the batch.
 *
 * <p>Threads: the moderation pipeline thread only (the spam memory is not thread-safe).
 */
public final class BatchModerator {
    private final ContentModerator content;
    private final SpamTracker spam;
    private final TextNormalizer normalizer;

    public BatchModerator(ContentModerator content, SpamTracker spam, TextNormalizer normalizer) {
        this.content = content;
        this.spam = spam;
        this.normalizer = normalizer;
    }

    /**
     * One chat message.
     *
     * @param exempt the author may moderate, so their messages skip moderation like allow-listed users
     */
    public record Candidate(String channel, String user, boolean exempt, ModerationPolicy policy, String text) {}

    /** Assessments in batch order. */
    public List<Assessment> assess(List<Candidate> batch, Instant now) {
        return assess(batch, now, null);
    }

    /**
     * Assessments in batch order, {@code null} for messages the classifier deferred; those are added to
     * {@code deferred} with their batch index, to be finished by {@link ContentModerator#judgeDeferred}.
     */
    public List<Assessment> assess(List<Candidate> batch, Instant now, List<ContentModerator.Deferred> deferred) {
        Assessment[] out = new Assessment[batch.size()];
        List<Integer> contentAt = new ArrayList<>(batch.size());
        List<ContentModerator.Item> items = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Candidate c = batch.get(i);
            ModerationPolicy policy = c.policy();
            if (c.exempt() || policy.allowListed(c.user())) {
                out[i] = Assessment.skipped();
                continue;
            }
            MessageText text = new MessageText(c.text(), normalizer);
            Optional<Explanation> hit = policy.blockListed(c.user())
                    ? Optional.of(Explanation.rule(
                            Explanation.USER_BLOCKLIST, "you are on this channel's block-list", null, List.of()))
                    : spam.check(c.channel(), c.user(), text, policy.settings().spam(), now);
            if (hit.isPresent()) {
                out[i] = Assessment.ruled(hit.get());
            } else {
                contentAt.add(i);
                items.add(new ContentModerator.Item(policy, text));
            }
        }
        List<ContentModerator.Deferred> open = deferred == null ? null : new ArrayList<>();
        List<Assessment> assessed = deferred == null ? content.assess(items) : content.assessQuickly(items, open);
        for (int j = 0; j < assessed.size(); j++) {
            out[contentAt.get(j)] = assessed.get(j);
        }
        if (open != null) {
            for (ContentModerator.Deferred d : open) {
                deferred.add(d.at(contentAt.get(d.index())));
            }
        }
        return Arrays.asList(out);
    }

    /** Finishes deferred messages: the classifier's careful look, then each policy's judgement. Thread-safe. */
    public List<Assessment> judgeDeferred(List<ContentModerator.Deferred> deferred) {
        return content.judgeDeferred(deferred);
    }
}
