/**
 * What no single client may exceed: the {@link dev.safestream.server.limits.Limit}s, their meter
 * ({@code safestream_limit_rejections_total{limit}}) and {@link dev.safestream.server.limits.KeyedBuckets}, the
 * bounded per-key token buckets (Bucket4j) behind the per-address and per-account budgets.
 */
package dev.safestream.server.limits;
