package dev.safestream.protocol.rest;

/**
 * The answer of a decision: the item as it is now and whether the message is published.
 *
 * @param item the held message with the new decision
 * @param published whether it is broadcast now
 */
public record ReviewOutcome(ReviewItem item, boolean published) {}
