package dev.safestream.server.moderation.workflow;

import java.util.List;

/** Moderator feedback labels. Implemented by persistence. */
public interface LabelRepository {
    /** Adds a label (the {@code id} is assigned). */
    void add(FeedbackLabel label);

    /**
     * Replaces the message's queue label ({@code approve} or {@code reject}) with this one, so a message has one
     * queue label reflecting its merged review state.
     */
    void replaceQueueLabel(FeedbackLabel label);

    /** Labels with an id above {@code afterId}, in id order. */
    List<FeedbackLabel> after(long afterId, int limit);
}
