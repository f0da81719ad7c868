package dev.safestream.server.chat;

import dev.safestream.protocol.MetricsPublished;

/** Pushes each channel's figures to its viewers. Called periodically by the server's scheduler thread. */
public final class MetricsPublisher implements Runnable {
    private final Channels channels;

    public MetricsPublisher(Channels channels) {
        this.channels = channels;
    }

    @Override
    public void run() {
        for (Channel channel : channels.all()) {
            if (channel.viewerCount() > 0) {
                channel.broadcastHere(snapshot(channel)); // per node: each node counts its own viewers
            }
        }
    }

    public static MetricsPublished snapshot(Channel channel) {
        return new MetricsPublished(channel.viewerCount(), channel.giftCount(), channel.toxicPercent(), channel.name());
    }
}
