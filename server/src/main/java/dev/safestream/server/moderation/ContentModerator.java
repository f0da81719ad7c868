package dev.safestream.server.moderation;

import dev.safestream.protocol.Explanation;
import dev.safestream.server.moderation.rules.MessageText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moderates texts on their content alone: the policy's stateless rules, then one classifier call for every text the
 * rules let through, then thresholds and mode. Thread-safe (the classifier must be): the pipeline thread uses it for
 * chat and HTTP worker threads for {@code POST /api/moderate}.
 */
public final class ContentModerator {
    private final ToxicityClassifier classifier;

    public ContentModerator(ToxicityClassifier classifier) {
        this.classifier = classifier;
    }

    /** One text to moderate under a policy. */
    public record Item(ModerationPolicy policy, MessageText text) {}

    /** Assessments in the order of {@code items}. */
    public List<Assessment> assess(List<Item> items) {
        Assessment[] out = new Assessment[items.size()];
        List<Integer> scoredAt = new ArrayList<>(items.size());
        List<String> inputs = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Optional<Explanation> hit = item.policy().screen(item.text());
            if (hit.isPresent()) {
                out[i] = Assessment.ruled(hit.get());
            } else {
                scoredAt.add(i);
                inputs.add(item.policy().modelInput(item.text().raw()));
            }
        }
        if (!inputs.isEmpty()) {
            List<Verdict> verdicts = classifier.classifyAll(inputs);
            for (int j = 0; j < verdicts.size(); j++) {
                int i = scoredAt.get(j);
                out[i] = items.get(i).policy().judge(verdicts.get(j));
            }
        }
        return List.of(out);
    }

    public ToxicityClassifier classifier() {
        return classifier;
    }
}
