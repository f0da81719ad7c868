package dev.safestream.server.transport;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;

/**
 * Closes a connection some time after its last answer (a 413, a 1009 close frame) was written, while the caller
 * discards whatever the client still sends. Closing at once, with the client's body or frame still unread, makes the
 * kernel answer with a reset that can overtake the answer: the client would see "connection reset" instead of why.
 * One daemon thread ({@code safestream-linger}) runs the delayed closes.
 */
public final class LingeringClose implements AutoCloseable {
    public static final Duration LINGER = Duration.ofSeconds(2);
    /** The longest a refused connection stays open when its last answer cannot be written (the client reads nothing). */
    public static final Duration DEADLINE = Duration.ofSeconds(10);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("safestream-linger").daemon(true).factory());

    /** A completion handler for the last write: closes the connection {@link #LINGER} after it is out (or failed). */
    public CompletionHandler<WriteResult> afterWrite(Connection<?> connection) {
        return new EmptyCompletionHandler<>() {
            @Override
            public void completed(WriteResult result) {
                closeLater(connection);
            }

            @Override
            public void failed(Throwable error) {
                connection.closeSilently();
            }
        };
    }

    /**
     * Runs {@code task} every {@code period} on this timer's thread until the server stops: the transport's one timer
     * (the HTTP head deadlines, {@code ConnectionGuard}). A task that throws is logged and runs again next time.
     */
    public void every(Duration period, Runnable task) {
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(LingeringClose.class).warn("A timer task failed", e);
                    }
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Closes the connection {@link #DEADLINE} from now, whether or not its last answer got out. */
    public void closeByDeadline(Connection<?> connection) {
        closeAfter(connection, DEADLINE);
    }

    private void closeLater(Connection<?> connection) {
        closeAfter(connection, LINGER);
    }

    private void closeAfter(Connection<?> connection, Duration delay) {
        try {
            scheduler.schedule(connection::closeSilently, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException shutDown) {
            connection.closeSilently();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
