package dev.safestream.protocol;

/**
 * Everyone in the channel: a moderator removed a message that was shown. {@code {"type":"message_deleted",
 * "id":1234,"channel":"main","by":"demo_mod"}}. Clients take the message with this id off the screen; the server no
 * longer serves it ({@code /api/recent}, catch-up). Moderators keep seeing it, marked, in their own events.
 *
 * @param id the deleted message's id ({@link ChatPosted#id()})
 * @param channel its channel
 * @param by the moderator who removed it
 */
public record MessageDeleted(long id, String channel, String by) implements ServerEvent {}
