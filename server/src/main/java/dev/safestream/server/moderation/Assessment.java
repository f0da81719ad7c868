package dev.safestream.server.moderation;

import dev.safestream.protocol.Explanation;
import dev.safestream.server.moderation.harm.HarmMatch;
import java.util.List;
import java.util.Map;

/**
 * The moderation result of one message.
 *
 * @param decision what happens to it
 * @param toxic whether the model (score or a category reached a flag or block threshold) or a blocked term judged it
 *     harmful; spam rules and the user block-list block without calling a message toxic
 * @param score the classifier's score rounded to 3 decimals; 0 when the model was not consulted
 * @param categories the classifier's category scores; empty when none or not consulted
 * @param explanation why it was flagged, held or blocked; {@code null} when allowed
 * @param scoreDecision what the thresholds alone decided (allow, flag or block) before the channel's mode applied;
 *     {@code null} when rules decided without the model. Shadow mode compares against this.
 */
public record Assessment(
        Decision decision,
        boolean toxic,
        double score,
        Map<String, Double> categories,
        Explanation explanation,
        Decision scoreDecision) {
    public Assessment {
        categories = categories == null ? Map.of() : Map.copyOf(categories);
    }

    /** Allowed without moderation (an allow-listed user or a moderator). */
    public static Assessment skipped() {
        return new Assessment(Decision.ALLOW, false, 0, Map.of(), null, null);
    }

    /** Blocked by a rule before the model ran. */
    public static Assessment ruled(Explanation why) {
        boolean toxic = Explanation.BLOCKED_TERM.equals(why.rule()) || Explanation.BLOCKED_PATTERN.equals(why.rule());
        return new Assessment(Decision.BLOCK, toxic, 0, Map.of(), why, null);
    }

    /**
     * Blocked by a severe-harm rule before the model ran: toxic, with the category at full score so that moderators
     * see what kind of harm it was.
     */
    public static Assessment harmful(HarmMatch match) {
        String category = match.category().wireName();
        Explanation why = new Explanation(
                Explanation.SEVERE_HARM,
                "severe harm (" + category.replace('_', ' ') + "): never shown to viewers",
                List.of(match.matched()),
                match.rule(),
                category,
                null,
                null);
        return new Assessment(Decision.BLOCK, true, 1.0, Map.of(category, 1.0), why, null);
    }

    /** Whether the model scored the message. */
    public boolean scored() {
        return scoreDecision != null;
    }

    /** The explanation as one line, for the {@code reason} field: the detail, then the words that matched. */
    public String reason() {
        if (explanation == null) {
            return null;
        }
        return explanation.words().isEmpty()
                ? explanation.detail()
                : explanation.detail() + "; matched: " + String.join(", ", explanation.words());
    }
}
