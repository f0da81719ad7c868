package dev.safestream.server.app.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** An option given in whole minutes ({@code *_MINUTES}) that the server reads as a {@link Duration}. */
public final class Minutes implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Duration.ofMinutes(Long.parseLong(value.strip()));
    }
}
