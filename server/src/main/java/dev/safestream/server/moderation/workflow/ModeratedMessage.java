package dev.safestream.server.moderation.workflow;

import dev.safestream.protocol.ChatPosted;
import dev.safestream.protocol.MessageHeld;
import dev.safestream.protocol.MessageModerated;
import dev.safestream.server.moderation.Assessment;
import dev.safestream.server.moderation.AuthorReason;
import dev.safestream.server.moderation.Decision;
import java.time.Instant;
import java.util.Map;

/**
 * A chat message with its moderation result, as stored, and the events each audience gets for it: viewers, its
 * author, and moderators.
 *
 * @param id server-assigned, increasing
 * @param ts when the server accepted it (millisecond precision)
 */
public record ModeratedMessage(long id, String channel, String user, String text, Instant ts, Assessment assessment) {
    public Decision decision() {
        return assessment.decision();
    }

    /**
     * What viewers see of an allowed or flagged message: the seed's {@code toxic} and {@code score}, nothing of the
     * filter's internals (no categories, reason or explanation: moderators get those in {@link #moderatorEvent}).
     */
    public ChatPosted viewerEvent() {
        return chat(false, false, null, false);
    }

    /** What its author sees of a blocked or held message: the flag and a plain reason ({@link AuthorReason}). */
    public ChatPosted authorEvent() {
        return chat(decision() == Decision.BLOCK, decision() == Decision.HOLD, AuthorReason.of(assessment), false);
    }

    /** A held message a moderator approved: broadcast like any other, without the hold's reason. */
    public ChatPosted publishedEvent(boolean highlighted) {
        return chat(false, false, null, highlighted);
    }

    /** Tells the author a moderator rejected their held message: it is now blocked for good. */
    public ChatPosted rejectedEvent(String reason) {
        String detail = "a moderator rejected this message" + (reason == null || reason.isBlank() ? "" : ": " + reason);
        return chat(true, false, detail, false);
    }

    /** The moderator stream's view: everything, whatever the decision. */
    public MessageModerated moderatorEvent() {
        return new MessageModerated(
                id,
                channel,
                user,
                text,
                ts,
                decision().wireName(),
                assessment.toxic(),
                assessment.score(),
                categories(),
                assessment.explanation());
    }

    /** Tells moderators the message waits in the review queue. */
    public MessageHeld heldEvent() {
        return new MessageHeld(id, channel, user, text, ts, assessment.score(), categories(), assessment.explanation());
    }

    private ChatPosted chat(boolean blocked, boolean held, String reason, boolean highlighted) {
        return new ChatPosted(
                id,
                user,
                text,
                assessment.toxic(),
                assessment.score(),
                ts,
                channel,
                blocked,
                held,
                reason,
                highlighted);
    }

    private Map<String, Double> categories() {
        return assessment.categories().isEmpty() ? null : assessment.categories();
    }
}
