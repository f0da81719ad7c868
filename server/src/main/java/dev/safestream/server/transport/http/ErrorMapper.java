package dev.safestream.server.transport.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.safestream.protocol.rest.ErrorBody;
import dev.safestream.server.auth.AuthException;
import dev.safestream.server.persistence.StorageException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every exception into a JSON {@link ErrorBody} with the right status; unexpected ones are logged as 500. */
final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable error) {
        return switch (error) {
            case AuthException e -> withRetryAfter(withChallenge(respond(e.status(), e.getMessage()), e.status()), e);
            case IllegalArgumentException e -> respond(400, e.getMessage());
            case JsonProcessingException e -> respond(400, "Request body is not valid JSON: " + e.getOriginalMessage());
            case NoSuchElementException e -> respond(404, e.getMessage());
            case StorageException e -> {
                log.error("Storage failure", e);
                yield respond(503, "Storage unavailable, try again");
            }
            case WebApplicationException e ->
                closingAfter413(respond(e.getResponse().getStatus(), detail(e)));
            default -> {
                log.error("Unexpected error", error);
                yield respond(500, "Internal server error");
            }
        };
    }

    static Response respond(int status, String detail) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? null : type.getReasonPhrase();
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(detail, status, title))
                .build();
    }

    private static Response withChallenge(Response response, int status) {
        if (status != 401) {
            return response;
        }
        return Response.fromResponse(response)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    /** 429s say when to come back, in whole seconds (at least 1). */
    private static Response withRetryAfter(Response response, AuthException e) {
        return e.retryAfter()
                .map(wait -> Response.fromResponse(response)
                        .header("Retry-After", Math.max(1, (wait.toMillis() + 999) / 1000))
                        .build())
                .orElse(response);
    }

    /** After a body too large, the connection closes: the rest of the body is not worth reading. */
    private static Response closingAfter413(Response response) {
        return response.getStatus() != 413
                ? response
                : Response.fromResponse(response).header("Connection", "close").build();
    }

    private static String detail(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return "Request body is not valid JSON: " + json.getOriginalMessage();
        }
        Response.StatusType type =
                Response.Status.fromStatusCode(e.getResponse().getStatus());
        return type != null && (e.getMessage() == null || e.getMessage().startsWith("HTTP "))
                ? type.getReasonPhrase()
                : e.getMessage();
    }
}
