package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code DELETE /api/admin/users/{username}}.
 *
 * @param username the deleted account
 * @param recordsRenamedTo the name its messages and gifts now carry
 */
public record AccountDeleted(
        String username, @JsonProperty("records_renamed_to") String recordsRenamedTo) {}
