package dev.safestream.server.moderation;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.protocol.Explanation;
import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.server.moderation.rules.AllowedTerms;
import dev.safestream.server.moderation.rules.MessageText;
import dev.safestream.server.moderation.rules.SpamChecks;
import dev.safestream.server.moderation.rules.TermList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A channel's {@link ModerationSettings} compiled for the hot path: term lists parsed, user lists in sets. Immutable
 * and thread-safe; a channel swaps in a new policy when its moderators change a setting, and the pipeline reads the
 * current one per message without touching the database.
 */
public final class ModerationPolicy {
    private final ModerationSettings settings;
    private final TermList blockedTerms;
    private final AllowedTerms allowedTerms;
    private final Set<String> allowedUsers;
    private final Set<String> blockedUsers;

    private ModerationPolicy(ModerationSettings settings, TextNormalizer normalizer) {
        this.settings = settings;
        this.blockedTerms = TermList.compile(settings.terms().blocked(), normalizer);
        this.allowedTerms = new AllowedTerms(TermList.compile(settings.terms().allowed(), normalizer), normalizer);
        this.allowedUsers = keys(settings.users().allowed());
        this.blockedUsers = keys(settings.users().blocked());
    }

    /** @throws IllegalArgumentException when a pattern does not compile (the settings already validated its syntax) */
    public static ModerationPolicy compile(ModerationSettings settings, TextNormalizer normalizer) {
        return new ModerationPolicy(settings, normalizer);
    }

    public ModerationSettings settings() {
        return settings;
    }

    public double flagThreshold() {
        return settings.thresholds().flag();
    }

    /** Whether the user is on the allow-list (skips moderation). */
    public boolean allowListed(String username) {
        return !allowedUsers.isEmpty() && allowedUsers.contains(username.toLowerCase(Locale.ROOT));
    }

    /** Whether the user is on the block-list (always blocked). */
    public boolean blockListed(String username) {
        return !blockedUsers.isEmpty() && blockedUsers.contains(username.toLowerCase(Locale.ROOT));
    }

    /** The rules that need only the message, cheapest first: links, capitals, repeated characters, blocked terms. */
    public Optional<Explanation> screen(MessageText text) {
        Optional<Explanation> hit = SpamChecks.link(text.raw(), settings.spam());
        if (hit.isEmpty()) {
            hit = SpamChecks.caps(text.raw(), settings.spam());
        }
        if (hit.isEmpty()) {
            hit = SpamChecks.repeated(text.raw(), settings.spam());
        }
        if (hit.isEmpty() && !blockedTerms.isEmpty()) {
            hit = blockedTerms.find(text).map(ModerationPolicy::termHit);
        }
        return hit;
    }

    /** The text the classifier sees: allowed words removed. */
    public String modelInput(String text) {
        return allowedTerms.mask(text);
    }

    /** Thresholds and mode applied to a verdict on {@link #modelInput}. */
    public Assessment judge(Verdict verdict) {
        return ScoreJudge.judge(
                settings.mode(),
                settings.thresholds(),
                verdict.score(),
                verdict.categories(),
                allowedTerms.filterEvidence(verdict.evidence()));
    }

    private static Explanation termHit(TermList.Match m) {
        return m.regex()
                ? Explanation.rule(
                        Explanation.BLOCKED_PATTERN,
                        "matched the channel's blocked pattern " + m.term(),
                        m.term(),
                        List.of(m.matched()))
                : Explanation.rule(
                        Explanation.BLOCKED_TERM,
                        "contains the channel's blocked term '" + m.term() + "'",
                        m.term(),
                        List.of(m.matched()));
    }

    private static Set<String> keys(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
