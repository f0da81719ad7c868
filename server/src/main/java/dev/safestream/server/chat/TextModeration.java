package dev.safestream.server.chat;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.moderation.Assessment;
import dev.safestream.server.moderation.ContentModerator;
import dev.safestream.server.moderation.ModerationPolicy;
import dev.safestream.server.moderation.rules.MessageText;
import java.util.ArrayList;
import java.util.List;

/**
 * Moderates texts on request ({@code POST /api/moderate}) with the live classifier and a channel's policy (or the
 * default one), without posting, storing or remembering them: the user lists, slow mode, flood and duplicate rules do
 * not apply. Runs on HTTP worker threads.
 */
public final class TextModeration {
    /** Most texts per request. */
    public static final int MAX_BATCH = 256;

    private final ContentModerator moderator;
    private final Channels channels;
    private final Authorizer authorizer;
    private final TextNormalizer normalizer;

    public TextModeration(
            ContentModerator moderator, Channels channels, Authorizer authorizer, TextNormalizer normalizer) {
        this.moderator = moderator;
        this.channels = channels;
        this.authorizer = authorizer;
        this.normalizer = normalizer;
    }

    /**
     * @param channel whose policy applies, or {@code null} for the default policy
     * @return one assessment per text, in order
     */
    public List<Assessment> assess(Principal actor, String channel, List<String> texts) {
        if (channel == null) {
            authorizer.requireSomewhere(actor, Permission.MODERATE);
        } else {
            authorizer.requireIn(actor, channel, Permission.MODERATE);
        }
        ModerationPolicy policy = channel == null
                ? channels.defaultPolicy()
                : channels.peek(channel).policy();
        List<ContentModerator.Item> items = new ArrayList<>(texts.size());
        for (String text : texts) {
            items.add(new ContentModerator.Item(policy, new MessageText(text, normalizer)));
        }
        return moderator.assess(items);
    }
}
