package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code PUT /api/channels/{channel}/pin}.
 *
 * @param messageId the message to pin: one viewers can see (not blocked, held or deleted)
 */
public record PinRequest(@JsonProperty("message_id") Long messageId) {}
