package dev.safestream.server.moderation;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores chat text. Implementations must be thread-safe and must not block on I/O; they are called from the
 * moderation pipeline thread, never from a socket thread.
 */
public interface ToxicityClassifier {
    Verdict classify(String text);

    /** Scores several texts at once; implementations that can batch (ONNX) override this. */
    default List<Verdict> classifyAll(List<String> texts) {
        List<Verdict> verdicts = new ArrayList<>(texts.size());
        for (String text : texts) {
            verdicts.add(classify(text));
        }
        return verdicts;
    }

    /**
     * A cheap first look, for the pipeline: a verdict per text, marked unsettled where {@link #classifyDeferred}
     * would decide better (a cascade's uncertain band). Never slower than {@link #classifyAll}; by default it settles
     * everything with it.
     */
    default List<FirstLook> classifyQuickly(List<String> texts) {
        return classifyAll(texts).stream().map(v -> new FirstLook(v, true)).toList();
    }

    /** The careful look at texts {@link #classifyQuickly} left open. May take milliseconds per text. */
    default List<Verdict> classifyDeferred(List<String> texts) {
        return classifyAll(texts);
    }

    /** Short name for logs and metrics tags. */
    String name();
}
