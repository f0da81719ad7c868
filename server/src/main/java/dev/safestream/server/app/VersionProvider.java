package dev.safestream.server.app;

import picocli.CommandLine;

/** Reads the version the jar was built with, for every command's {@code --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"safestream-server " + (v == null ? "development" : v)};
    }
}
