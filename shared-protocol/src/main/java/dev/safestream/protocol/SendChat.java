package dev.safestream.protocol;

/**
 * Post a chat message to the channel the connection joined: {@code {"type":"chat","message":"hello"}}.
 *
 * @param message the text, at most the server's maximum length (500 characters by default)
 */
public record SendChat(String message) implements ClientCommand {}
