/**
 * Cluster mode (REDIS_URL): several nodes behind one address behave as one chat. Channel events are published once and
 * every node delivers them to its own connections; message ids come from one shared counter. The engine itself lives
 * in {@code cluster.redis}, the only package that talks to Redis.
 */
package dev.safestream.server.cluster;
