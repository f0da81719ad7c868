package dev.safestream.server.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * A client that closed its connection before its answer was written is not the server's error: Jersey logged two
 * ERROR stack traces per such request, and 2,000 pipelined requests closed unread wrote 1,029 traces and 20 MB of log
 * (issue 23, M4), enough to bury a real error or fill a disk. Such events become one debug line on
 * {@code dev.safestream.server.ClientGone}; every other warning and error passes unchanged. Installed in
 * {@code logback.xml}.
 */
public final class ClientGoneFilter extends TurboFilter {
    private static final org.slf4j.Logger CLIENT_GONE = LoggerFactory.getLogger("dev.safestream.server.ClientGone");
    private static final Pattern GONE = Pattern.compile(
            "connection is closed|broken pipe|connection reset|connection was closed|stream closed|connection aborted");
    private static final int MAX_CAUSES = 16;

    @Override
    public FilterReply decide(
            Marker marker, Logger logger, Level level, String format, Object[] params, Throwable error) {
        if (error == null || !level.isGreaterOrEqual(Level.WARN) || !clientWentAway(error)) {
            return FilterReply.NEUTRAL;
        }
        CLIENT_GONE.debug(
                "A client went away before its answer was written ({})",
                error.getClass().getSimpleName());
        return FilterReply.DENY;
    }

    /** Whether the error, or one of its causes, is an I/O error saying the peer closed the connection. */
    static boolean clientWentAway(Throwable error) {
        Throwable e = error;
        for (int depth = 0; e != null && depth < MAX_CAUSES; depth++, e = e.getCause()) {
            if (e instanceof ClosedChannelException) {
                return true;
            }
            if (e instanceof IOException
                    && e.getMessage() != null
                    && GONE.matcher(e.getMessage().toLowerCase(Locale.ROOT)).find()) {
                return true;
            }
        }
        return false;
    }
}
