package dev.safestream.console.net;

/**
 * The server's answer to a {@link UserAction}.
 *
 * @param action what was done
 * @param status the server's status word ({@code kicked}, {@code muted}, ...)
 * @param summary one line for the moderator ({@code muted alice until 12:01:00})
 */
public record ActionResult(UserAction action, String status, String summary) {}
