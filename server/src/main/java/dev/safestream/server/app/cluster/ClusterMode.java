package dev.safestream.server.app.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.server.cluster.ClusterSettings;

/** The one place the server chooses between running alone and joining a cluster. */
public final class ClusterMode {
    private ClusterMode() {}

    /** One node without REDIS_URL; with it, a node of the cluster (start-up fails when Redis cannot be reached). */
    public static ClusterArea start(ClusterSettings settings, ObjectMapper mapper) {
        return settings.clustered() ? RedisNodes.connect(settings, mapper) : new SingleNode();
    }
}
