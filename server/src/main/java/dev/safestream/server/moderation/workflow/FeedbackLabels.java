package dev.safestream.server.moderation.workflow;

import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.moderation.ReviewState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns moderators' work into training labels: queue decisions label the held message (toxic when rejected), and a
 * kick, mute or ban labels the user's latest flagged message of the last {@link #SANCTION_LOOKBACK} as toxic.
 * Automatic timeouts are not labelled: they follow the model's own decisions and would teach it nothing.
 *
 * <p>Threads: decisions and sanctions arrive on HTTP worker threads. Each user's latest flagged message is kept in
 * memory, written by the pipeline thread ({@link #flagged}), so labelling a sanction needs no query over the message
 * history; it is bounded and starts empty after a restart.
 */
public final class FeedbackLabels {
    static final Duration SANCTION_LOOKBACK = Duration.ofMinutes(10);
    private static final int MAX_TRACKED = 100_000;

    private final LabelRepository labels;
    private final Authorizer authorizer;
    private final Clock clock;
    private final Map<String, ModeratedMessage> latestFlagged = new ConcurrentHashMap<>();

    public FeedbackLabels(LabelRepository labels, Authorizer authorizer, Clock clock) {
        this.labels = labels;
        this.authorizer = authorizer;
        this.clock = clock;
    }

    /** A message was flagged and delivered. Pipeline thread. */
    public void flagged(ModeratedMessage m) {
        if (latestFlagged.size() > MAX_TRACKED) {
            latestFlagged.clear();
        }
        latestFlagged.put(key(m.channel(), m.user()), m);
    }

    /** Records the queue label of a held message after a decision, reflecting its merged state. */
    void reviewed(ModeratedMessage m, ReviewState state, String moderator) {
        boolean toxic = state == ReviewState.REJECTED;
        labels.replaceQueueLabel(new FeedbackLabel(
                0,
                m.id(),
                m.channel(),
                m.text(),
                toxic,
                toxic ? FeedbackLabel.REJECT : FeedbackLabel.APPROVE,
                moderator,
                clock.instant()));
    }

    /** Labels the user's latest flagged message as toxic after a kick, mute or ban ({@code source}). */
    void sanctioned(String channel, String username, String source, String moderator) {
        Instant now = clock.instant();
        ModeratedMessage m = latestFlagged.remove(key(channel, username));
        if (m != null && !m.ts().isBefore(now.minus(SANCTION_LOOKBACK))) {
            labels.add(new FeedbackLabel(0, m.id(), channel, m.text(), true, source, moderator, now));
        }
    }

    private static String key(String channel, String username) {
        return channel + '\n' + username.toLowerCase(Locale.ROOT);
    }

    /** Labels in storage order after {@code afterId}; admins only. */
    public List<FeedbackLabel> export(Principal actor, long afterId, int limit) {
        authorizer.require(actor, Permission.ADMINISTER);
        return labels.after(afterId, limit);
    }
}
