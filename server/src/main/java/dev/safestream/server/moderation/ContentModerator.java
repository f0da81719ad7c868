package dev.safestream.server.moderation;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.protocol.Explanation;
import dev.safestream.server.moderation.harm.HarmMatch;
import dev.safestream.server.moderation.harm.HarmRules;
import dev.safestream.server.moderation.rules.MessageText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Moderates texts on their content alone: the severe-harm rules ({@link HarmRules}), then the policy's stateless
 * rules, then one classifier call for every text the rules let through, then thresholds and mode. Thread-safe (the classifier must be): the pipeline thread uses it for
 * chat and HTTP worker threads for {@code POST /api/moderate}.
 */
public final class ContentModerator {
    private final ToxicityClassifier classifier;
    private final HarmRules harm;

    /** A moderator without severe-harm rules: the classifier and the channel's rules decide everything. */
    public ContentModerator(ToxicityClassifier classifier) {
        this(classifier, HarmRules.none(new TextNormalizer()));
    }

    /** @param harm rules that block severe harm whatever the classifier says; they run first */
    public ContentModerator(ToxicityClassifier classifier, HarmRules harm) {
        this.classifier = classifier;
        this.harm = harm;
    }

    /** One text to moderate under a policy. */
    public record Item(ModerationPolicy policy, MessageText text) {}

    /**
     * A text whose classification the classifier deferred ({@link ToxicityClassifier#classifyQuickly}).
     *
     * @param index its position in the list that was assessed
     * @param provisional the first look's verdict, judged instead when the careful look cannot be afforded
     */
    public record Deferred(int index, ModerationPolicy policy, String modelInput, Verdict provisional) {
        Deferred at(int newIndex) {
            return new Deferred(newIndex, policy, modelInput, provisional);
        }

        /** The judgement on the provisional verdict. */
        public Assessment judgeProvisionally() {
            return policy.judge(provisional);
        }
    }

    /** Assessments in the order of {@code items}. */
    public List<Assessment> assess(List<Item> items) {
        return assess(items, null);
    }

    /**
     * Like {@link #assess}, but a text the classifier wants to look at more carefully gets a {@code null} assessment
     * and is added to {@code deferred}; {@link #judgeDeferred} finishes it.
     */
    public List<Assessment> assessQuickly(List<Item> items, List<Deferred> deferred) {
        return assess(items, deferred);
    }

    /** The careful verdicts and the policies' judgement for deferred texts, in their order. */
    public List<Assessment> judgeDeferred(List<Deferred> deferred) {
        List<Verdict> verdicts = classifier.classifyDeferred(
                deferred.stream().map(Deferred::modelInput).toList());
        List<Assessment> out = new ArrayList<>(deferred.size());
        for (int i = 0; i < deferred.size(); i++) {
            out.add(deferred.get(i).policy().judge(verdicts.get(i)));
        }
        return out;
    }

    private List<Assessment> assess(List<Item> items, List<Deferred> deferred) {
        Assessment[] out = new Assessment[items.size()];
        List<Integer> scoredAt = new ArrayList<>(items.size());
        List<String> inputs = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Optional<HarmMatch> harmful = harm.find(item.text());
            if (harmful.isPresent()) {
                out[i] = Assessment.harmful(harmful.get());
                continue;
            }
            Optional<Explanation> hit = item.policy().screen(item.text());
            if (hit.isPresent()) {
                out[i] = Assessment.ruled(hit.get());
            } else {
                scoredAt.add(i);
                inputs.add(item.policy().modelInput(item.text().raw()));
            }
        }
        if (inputs.isEmpty()) {
            return Arrays.asList(out);
        }
        if (deferred == null) {
            List<Verdict> verdicts = classifier.classifyAll(inputs);
            for (int j = 0; j < verdicts.size(); j++) {
                out[scoredAt.get(j)] = items.get(scoredAt.get(j)).policy().judge(verdicts.get(j));
            }
            return Arrays.asList(out);
        }
        List<FirstLook> quick = classifier.classifyQuickly(inputs);
        for (int j = 0; j < quick.size(); j++) {
            int i = scoredAt.get(j);
            ModerationPolicy policy = items.get(i).policy();
            if (quick.get(j).settled()) {
                out[i] = policy.judge(quick.get(j).verdict());
            } else {
                deferred.add(new Deferred(i, policy, inputs.get(j), quick.get(j).verdict()));
            }
        }
        return Arrays.asList(out);
    }

    public ToxicityClassifier classifier() {
        return classifier;
    }
}
