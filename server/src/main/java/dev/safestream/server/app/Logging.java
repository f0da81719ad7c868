package dev.safestream.server.app;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Routes java.util.logging (Grizzly, Jersey, Tyrus) into SLF4J/Logback. */
final class Logging {
    private Logging() {}

    static void bridgeJul() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
