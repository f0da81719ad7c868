package dev.safestream.server.app.cluster;

import dev.safestream.server.app.cli.Env;
import dev.safestream.server.cluster.ClusterSettings;
import picocli.CommandLine.Option;

/** Cluster options: one node, or several sharing a Redis. */
public final class ClusterOptions {
    @Option(
            names = "--redis-url",
            defaultValue = "${env:REDIS_URL}",
            description = "Cluster mode: redis://host:6379 shared by every node (REDIS_URL); unset: one node.")
    public String redisUrl;

    @Option(
            names = "--node-id",
            defaultValue = "${env:NODE_ID}",
            description = "This node's name in logs and metrics (NODE_ID); default: generated.")
    public String nodeId;

    public ClusterSettings settings() {
        return new ClusterSettings(Env.blankToNull(redisUrl), Env.blankToNull(nodeId));
    }
}
