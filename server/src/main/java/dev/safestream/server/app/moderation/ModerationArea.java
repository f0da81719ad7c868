package dev.safestream.server.app.moderation;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.server.moderation.ContentModerator;
import dev.safestream.server.moderation.FilterSettings;
import dev.safestream.server.moderation.ToxicityClassifier;
import dev.safestream.server.moderation.harm.HarmRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The judgement of one message: the severe-harm rules, then the classifier (and, in shadow mode, a second one). The
 * ONNX classifiers hold native sessions, released on {@link #close()}.
 */
public final class ModerationArea implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ModerationArea.class);

    private final TextNormalizer normalizer = new TextNormalizer();
    private final FilterSettings filter;
    private final ToxicityClassifier classifier;
    private final ToxicityClassifier shadowClassifier;
    private final ContentModerator content;

    public ModerationArea(ModelSettings models, FilterSettings filter) {
        this.filter = filter;
        classifier = Classifiers.live(models, filter);
        log.info("Moderation classifier: {}", classifier.name());
        HarmRules harmRules = Classifiers.harmRules(filter, normalizer);
        log.info("Severe-harm rules: {}", harmRules.size());
        content = new ContentModerator(classifier, harmRules);
        shadowClassifier = filter.shadow() ? Classifiers.shadow(models).orElse(null) : null;
    }

    /** Null: the classifiers load in the constructor, or the server does not start. For /readyz. */
    public String problem() {
        return classifier == null ? "no moderation classifier loaded" : null;
    }

    public TextNormalizer normalizer() {
        return normalizer;
    }

    public FilterSettings filter() {
        return filter;
    }

    /** The rules and the live classifier. */
    public ContentModerator content() {
        return content;
    }

    /** Shadow mode's own model set, or null to judge the live classifier's scores with the shadow thresholds. */
    public ToxicityClassifier shadowClassifier() {
        return shadowClassifier;
    }

    @Override
    public void close() {
        Classifiers.close(classifier);
        Classifiers.close(shadowClassifier);
    }
}
