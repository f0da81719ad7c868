package dev.safestream.server.chat;

import dev.safestream.server.fanout.Channel;
import dev.safestream.server.fanout.ChatMeters;
import dev.safestream.server.moderation.workflow.AutoTimeouts;
import dev.safestream.server.moderation.workflow.FeedbackLabels;
import dev.safestream.server.moderation.workflow.ModeratedMessage;
import dev.safestream.server.moderation.workflow.ReviewQueue;
import dev.safestream.server.moderation.workflow.ShadowEvaluator;
import java.util.ArrayList;
import java.util.List;

/**
 * Who gets what once a message is moderated and stored. Viewers get allowed and flagged messages; the author alone
 * gets their blocked or held message with its explanation; moderators get a {@code moderated} event for every message
 * and a {@code held} event when one enters the review queue. Blocked messages count towards the timeout ladder,
 * flagged ones are remembered for sanction labels, and scored ones go to shadow mode. Runs on the pipeline thread; every step is a non-blocking offer.
 */
final class Delivery {
    private final ReviewQueue queue;
    private final AutoTimeouts timeouts;
    private final ShadowEvaluator shadow;
    private final FeedbackLabels labels;
    private final ChatMeters meters;

    Delivery(
            ReviewQueue queue,
            AutoTimeouts timeouts,
            ShadowEvaluator shadow,
            FeedbackLabels labels,
            ChatMeters meters) {
        this.queue = queue;
        this.timeouts = timeouts;
        this.shadow = shadow;
        this.labels = labels;
        this.meters = meters;
    }

    void deliver(Channel channel, ModeratedMessage m) {
        channel.countMessage(m.assessment().toxic());
        meters.decided(m.decision());
        if (channel.hasModerators()) {
            channel.sendToModerators(m.moderatorEvent());
        }
        switch (m.decision()) {
            case ALLOW -> {
                channel.broadcast(m.viewerEvent());
                meters.messageOut();
            }
            case FLAG -> {
                channel.broadcast(m.viewerEvent());
                meters.messageOut();
                labels.flagged(m);
            }
            case HOLD -> {
                queue.held(m);
                channel.sendTo(m.user(), m.authorEvent());
                channel.sendToModerators(m.heldEvent());
            }
            case BLOCK -> {
                channel.sendTo(m.user(), m.authorEvent());
                timeouts.blocked(channel, m);
            }
        }
    }

    /** After the batch: the scored messages go to shadow mode. */
    void delivered(List<Channel> channels, List<ModeratedMessage> batch) {
        if (shadow == null) {
            return;
        }
        List<ShadowEvaluator.Case> cases = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ModeratedMessage m = batch.get(i);
            if (m.assessment().scored()) {
                cases.add(new ShadowEvaluator.Case(channels.get(i).policy(), m.text(), m.assessment()));
            }
        }
        shadow.submit(cases);
    }
}
