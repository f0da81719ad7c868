package dev.safestream.finetune;

/**
 * One tokenised training example.
 *
 * @param ids word-piece ids with {@code [CLS]} and {@code [SEP]}
 * @param domain per head, which source's intercept applies (the source, or the head's reference source)
 * @param labels per head 1 or 0, {@code NaN} where the source does not label the head
 * @param weight loss weight
 */
record TrainingRow(int[] ids, int[] domain, float[] labels, float weight) {}
