package dev.safestream.protocol.rest;

/**
 * One entry of {@code GET /api/gifts}: a gift viewers can pick and what it is worth.
 *
 * @param id its {@code gift_id}
 * @param name its display name
 * @param coins its value per unit
 */
public record CatalogueGift(int id, String name, long coins) {}
