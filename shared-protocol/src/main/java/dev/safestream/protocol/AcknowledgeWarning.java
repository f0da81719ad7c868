package dev.safestream.protocol;

/** {@code {"type":"acknowledge_warning"}}: the user read the moderator's warning ({@link UserWarned}); chat resumes. */
public record AcknowledgeWarning() implements ClientCommand {}
