package dev.safestream.server.cluster;

/**
 * Whether this node runs alone or in a cluster.
 *
 * @param redisUrl the Redis every node shares (REDIS_URL), or null to run as one node
 * @param nodeId this node's name in logs and metrics (NODE_ID), or null for a generated one
 */
public record ClusterSettings(String redisUrl, String nodeId) {
    public boolean clustered() {
        return redisUrl != null;
    }
}
