package dev.safestream.protocol.rest;

/**
 * {@code PUT /api/admin/users/{username}/role}.
 *
 * @param role viewer, streamer, moderator or admin
 */
public record RoleRequest(String role) {}
