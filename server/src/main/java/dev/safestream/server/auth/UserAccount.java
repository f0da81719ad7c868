package dev.safestream.server.auth;

import java.time.Instant;

/** A registered account as stored. {@code passwordHash} is an argon2id encoded hash and never leaves the server. */
public record UserAccount(String username, String email, String passwordHash, Role role, Instant createdAt) {}
