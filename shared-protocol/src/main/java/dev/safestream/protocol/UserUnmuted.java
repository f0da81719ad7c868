package dev.safestream.protocol;

/**
 * Sent to a user whose mute a moderator lifted early.
 *
 * @param message human-readable explanation
 */
public record UserUnmuted(String message) implements ServerEvent {}
