package dev.safestream.server.auth;

/** An authenticated caller, as proven by a verified token. */
public record Principal(String username, Role role) {}
