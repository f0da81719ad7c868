package dev.safestream.server.fanout;

/**
 * A channel's running figures: viewers now, and gifts, messages and toxic messages since the last reset. On one node
 * they are that node's; in cluster mode the sum over the nodes ({@link FigureExchange}).
 */
public record Figures(long viewers, long gifts, long messages, long toxic) {
    public static final Figures NONE = new Figures(0, 0, 0, 0);

    /** Share of messages flagged toxic, 0..100, one decimal. */
    public double toxicPercent() {
        return messages == 0 ? 0.0 : Math.round(toxic * 1000.0 / messages) / 10.0;
    }
}
