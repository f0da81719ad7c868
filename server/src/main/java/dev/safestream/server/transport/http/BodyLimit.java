package dev.safestream.server.transport.http;

import dev.safestream.server.limits.Limit;
import dev.safestream.server.limits.LimitMeters;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body limit while a body is read: a chunked body (no {@code Content-Length}, so {@link RequestGuard} could not
 * refuse it up front) fails with 413 at the first byte past the limit, and the connection is closed after the answer.
 *
 * <p>The count sits on the request's entity stream itself, before anything reads it, not only around entity readers:
 * form parameters are read by Jersey buffering the whole entity first ({@code bufferEntity}), which no reader
 * interceptor sees, and an endless chunked form body grew the heap until it ran out (issue 23, H1).
 */
@PreMatching
final class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {
    private static final String COUNTING = BodyLimit.class.getName() + ".counting";

    private final long maxBytes;
    private final LimitMeters limits;

    BodyLimit(long maxBytes, LimitMeters limits) {
        this.maxBytes = maxBytes;
        this.limits = limits;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Counting counting = new Counting(request.getEntityStream());
        request.setEntityStream(counting);
        request.setProperty(COUNTING, counting);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (RuntimeException | IOException e) {
            // a reader (Jackson, say) may wrap the limit's exception in its own: the limit is what happened
            if (context.getProperty(COUNTING) instanceof Counting counting && counting.read > maxBytes) {
                throw tooLarge();
            }
            throw e;
        }
    }

    private WebApplicationException tooLarge() {
        return new WebApplicationException(
                "Request bodies are limited to " + maxBytes + " bytes",
                Response.status(413).header("Connection", "close").build());
    }

    private final class Counting extends FilterInputStream {
        private long read;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            boolean wasWithin = read <= maxBytes;
            read += n;
            if (read > maxBytes) {
                if (wasWithin) {
                    limits.rejected(Limit.REQUEST_BODY);
                }
                throw tooLarge();
            }
        }
    }
}
