package dev.safestream.server.auth;

/**
 * Tells the other nodes (cluster mode) that something they keep in memory changed in the shared store, so they read
 * it again. One node has nobody to tell ({@link #NONE}).
 */
@FunctionalInterface
public interface SharedChanges {
    enum Kind {
        /** key: the username; its role, password or disabled state changed */
        ACCOUNT,
        /** key: the channel (empty: any channel); its owner or moderators changed */
        CHANNEL_ROLES,
        /** key: the channel; its moderation settings changed */
        CHANNEL_SETTINGS,
        /** key: the channel; a moderator reset its figures (gifts, messages, toxic share) */
        CHANNEL_FIGURES,
        /** key: the channel; its pinned message changed */
        CHANNEL_PIN
    }

    void changed(Kind kind, String key);

    SharedChanges NONE = (kind, key) -> {};
}
