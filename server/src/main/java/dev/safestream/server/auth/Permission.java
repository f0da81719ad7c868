package dev.safestream.server.auth;

/** What an action needs. Roles grant permissions; {@link Authorizer} is the only place that checks them. */
public enum Permission {
    /** Connect to a channel and receive its events. */
    WATCH,
    /** Post chat messages. */
    CHAT,
    /** Send gifts in one's own name through {@code POST /api/gift}. */
    SEND_GIFT,
    /** Send a gift whose {@code from} names someone else (relaying gifts from another platform). */
    GIFT_ON_BEHALF,
    /**
     * Kick, mute, ban, review held messages, change a channel's settings. Site moderators and admins have it in every
     * channel; a channel's owner and its moderators in that channel ({@link Authorizer#requireIn}).
     */
    MODERATE,
    /** Create channels one owns and appoint their moderators (streamers). */
    CREATE_CHANNEL,
    /** Manage accounts, hand channels over, server settings. */
    ADMINISTER
}
