package dev.safestream.server.transport.http;

import dev.safestream.protocol.rest.ModerateRequest;
import dev.safestream.protocol.rest.ModerateResponse;
import dev.safestream.protocol.rest.TextScore;
import dev.safestream.protocol.rest.TextToScore;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.chat.TextModeration;
import dev.safestream.server.moderation.Assessment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/moderate[?channel=]} (moderators): scores up to {@value TextModeration#MAX_BATCH} texts with the
 * live classifier and the channel's policy (the default policy without {@code channel}); nothing is posted or stored.
 */
@Tag(name = "moderation")
@Path("/api/moderate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(value = Permission.MODERATE, scope = Requires.Scope.SOME_CHANNEL)
public final class ModerateResource {
    /** Longest text accepted, as for stored messages. */
    static final int MAX_TEXT = 2000;

    private final TextModeration moderation;

    ModerateResource(TextModeration moderation) {
        this.moderation = moderation;
    }

    @Operation(summary = "Score texts with the live classifier and a channel's policy; nothing is posted")
    @POST
    public ModerateResponse moderate(
            ModerateRequest body, @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        List<TextToScore> messages = validate(body);
        List<String> texts = messages.stream().map(TextToScore::text).toList();
        String name = channel == null || channel.isBlank() ? null : channel;
        List<Assessment> assessed = moderation.assess(Caller.of(rq), name, texts);
        List<TextScore> results = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Assessment a = assessed.get(i);
            results.add(new TextScore(
                    messages.get(i).id(),
                    a.toxic(),
                    a.score(),
                    a.categories().isEmpty() ? null : a.categories(),
                    a.decision().wireName(),
                    a.explanation()));
        }
        return new ModerateResponse(name, results);
    }

    private static List<TextToScore> validate(ModerateRequest body) {
        if (body == null || body.messages() == null || body.messages().isEmpty()) {
            throw new IllegalArgumentException("messages must be a non-empty array of {\"id\",\"text\"}");
        }
        if (body.messages().size() > TextModeration.MAX_BATCH) {
            throw new ClientErrorException(
                    "at most " + TextModeration.MAX_BATCH + " messages per request (got "
                            + body.messages().size() + ")",
                    413);
        }
        for (int i = 0; i < body.messages().size(); i++) {
            TextToScore m = body.messages().get(i);
            if (m == null || m.id() == null || m.id().isBlank()) {
                throw new IllegalArgumentException("messages[" + i + "].id is required");
            }
            if (m.text() == null) {
                throw new IllegalArgumentException("messages[" + i + "].text is required");
            }
            if (m.text().length() > MAX_TEXT) {
                throw new IllegalArgumentException("messages[" + i + "].text is longer than " + MAX_TEXT);
            }
        }
        return body.messages();
    }
}
