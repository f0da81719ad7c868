package dev.safestream.server.moderation;

/**
 * A classifier's cheap first verdict on a text, and whether it is final.
 *
 * @param verdict the verdict; when not {@code settled}, the provisional one to fall back on if the careful look
 *     cannot be afforded (a burst)
 * @param settled whether {@link ToxicityClassifier#classifyDeferred} has nothing to add
 */
public record FirstLook(Verdict verdict, boolean settled) {}
