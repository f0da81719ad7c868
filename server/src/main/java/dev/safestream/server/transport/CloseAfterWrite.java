package dev.safestream.server.transport;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;

/** Closes a Grizzly connection once a last write (an error answer, a close frame) is out, or has failed. */
public final class CloseAfterWrite extends EmptyCompletionHandler<WriteResult> {
    private final Connection<?> connection;

    public CloseAfterWrite(Connection<?> connection) {
        this.connection = connection;
    }

    @Override
    public void completed(WriteResult result) {
        connection.closeSilently();
    }

    @Override
    public void failed(Throwable error) {
        connection.closeSilently();
    }
}
