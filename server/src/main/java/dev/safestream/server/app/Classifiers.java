package dev.safestream.server.app;

import dev.safestream.server.moderation.BlockedTermsClassifier;
import dev.safestream.server.moderation.ToxicityClassifier;
import java.util.Optional;

/**
 * The one place the server builds its classifiers. To put another model live (the ONNX cascade), change
 * {@link #live}; to compare one in shadow mode without acting on it, return it from {@link #shadow}.
 */
final class Classifiers {
    private Classifiers() {}

    /** The classifier whose scores decide what happens to messages. Must be thread-safe. */
    static ToxicityClassifier live(ServerConfig config) {
        return config.blockedTermsFile() == null
                ? BlockedTermsClassifier.withDefaultTerms()
                : BlockedTermsClassifier.fromFile(config.blockedTermsFile());
    }

    /**
     * A second classifier for shadow mode, or empty to judge the live classifier's verdicts with the shadow
     * thresholds. Only used when shadow mode is on ({@link ServerConfig#shadow()}).
     */
    static Optional<ToxicityClassifier> shadow(ServerConfig config) {
        return Optional.empty();
    }
}
