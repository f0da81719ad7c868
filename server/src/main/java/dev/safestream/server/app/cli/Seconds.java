package dev.safestream.server.app.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** An option given in whole seconds ({@code *_SECS}) that the server reads as a {@link Duration}. */
public final class Seconds implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Duration.ofSeconds(Long.parseLong(value.strip()));
    }
}
