package dev.safestream.server.chat;

import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.moderation.ReviewState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns moderators' work into training labels: queue decisions label the held message (toxic when rejected), and a
 * kick, mute or ban labels the user's latest flagged message of the last {@link #SANCTION_LOOKBACK} as toxic.
 * Automatic timeouts are not labelled: they follow the model's own decisions and would teach it nothing. Called from
 * HTTP worker threads.
 */
public final class FeedbackLabels {
    static final Duration SANCTION_LOOKBACK = Duration.ofMinutes(10);

    private final LabelRepository labels;
    private final MessageRepository messages;
    private final Authorizer authorizer;
    private final Clock clock;

    public FeedbackLabels(LabelRepository labels, MessageRepository messages, Authorizer authorizer, Clock clock) {
        this.labels = labels;
        this.messages = messages;
        this.authorizer = authorizer;
        this.clock = clock;
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
        messages.latestFlagged(channel, username, now.minus(SANCTION_LOOKBACK))
                .ifPresent(
                        m -> labels.add(new FeedbackLabel(0, m.id(), channel, m.text(), true, source, moderator, now)));
    }

    /** Labels in storage order after {@code afterId}; admins only. */
    public List<FeedbackLabel> export(Principal actor, long afterId, int limit) {
        authorizer.require(actor, Permission.ADMINISTER);
        return labels.after(afterId, limit);
    }
}
