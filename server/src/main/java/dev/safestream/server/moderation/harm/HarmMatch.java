package dev.safestream.server.moderation.harm;

/**
 * A harm rule that matched a message.
 *
 * @param category what harm the rule is about
 * @param rule the rule as written in its list (a phrase or a pattern), for moderators
 * @param matched the part of the message that matched, as normalised
 */
public record HarmMatch(HarmCategory category, String rule, String matched) {}
