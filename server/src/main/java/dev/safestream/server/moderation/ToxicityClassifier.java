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

    /** Short name for logs and metrics tags. */
    String name();
}
