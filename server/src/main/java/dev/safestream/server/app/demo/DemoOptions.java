package dev.safestream.server.app.demo;

import picocli.CommandLine.Option;

/**
 * The demo: well-known accounts and a simulated audience on this machine. It changes three defaults: the server binds
 * loopback, simulated gifts come every 15 s, and the per-address budgets make room for the bots.
 */
public final class DemoOptions {
    @Option(
            names = "--demo",
            defaultValue = "${env:SAFESTREAM_DEMO:-false}",
            description = "Create demo accounts demo_user, chat_viewer, test_streamer, demo_mod (password = username)"
                    + " (SAFESTREAM_DEMO).")
    public boolean enabled;

    @Option(
            names = "--demo-viewers",
            defaultValue = "${env:DEMO_VIEWERS:-12}",
            description = "With --demo: simulated viewers chatting and sending gifts in channel main, so the viewer"
                    + " page is lively at once; 0 turns them off; they come from this machine, so the per-address"
                    + " connection and registration budgets grow by this many (DEMO_VIEWERS).")
    public int viewers;

    /** The simulated viewers that will connect from this machine: none unless the demo is on. */
    public int localBots() {
        return enabled ? Math.max(0, viewers) : 0;
    }

    /** A per-address budget widened by the bots, which all come from this machine; 0 (unlimited) stays 0. */
    public int widen(int perAddressBudget) {
        return perAddressBudget > 0 ? perAddressBudget + localBots() : perAddressBudget;
    }
}
