package dev.safestream.server.gifts;

/** A catalogue entry: what viewers can send and what it is worth. */
public record Gift(int id, String name, long coins) {}
