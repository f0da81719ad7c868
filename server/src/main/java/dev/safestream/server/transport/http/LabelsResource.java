package dev.safestream.server.transport.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.safestream.protocol.rest.TrainingLabel;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.moderation.workflow.FeedbackLabel;
import dev.safestream.server.moderation.workflow.FeedbackLabels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /api/moderation/labels} (admins): every moderator feedback label as JSON lines, oldest first, in exactly
 * the format the training command reads with {@code --feedback FILE}:
 * {@code {"text":"...","toxic":true,"source":"reject","message_id":123,"ts":"..."}}.
 */
@Tag(name = "moderation")
@Path("/api/moderation/labels")
public final class LabelsResource {
    private static final int PAGE = 1000;

    private final FeedbackLabels labels;
    private final ObjectWriter writer;

    LabelsResource(FeedbackLabels labels, ObjectMapper mapper) {
        this.labels = labels;
        this.writer = mapper.writerFor(TrainingLabel.class);
    }

    @Operation(summary = "Export moderator feedback labels as JSON lines (the training command reads them)")
    @ApiResponse(
            responseCode = "200",
            description = "One label per line, oldest first",
            content =
                    @Content(
                            mediaType = "application/x-ndjson",
                            schema = @Schema(implementation = TrainingLabel.class)))
    @GET
    @Produces("application/x-ndjson")
    @Requires(Permission.ADMINISTER)
    public StreamingOutput export(@Context ContainerRequestContext rq) {
        Principal caller = Caller.of(rq);
        List<FeedbackLabel> first = labels.export(caller, 0, PAGE);
        return out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            List<FeedbackLabel> page = first;
            while (!page.isEmpty()) {
                for (FeedbackLabel l : page) {
                    w.write(writer.writeValueAsString(
                            new TrainingLabel(l.text(), l.toxic(), l.source(), l.messageId(), l.at())));
                    w.write('\n');
                }
                page = page.size() < PAGE
                        ? List.of()
                        : labels.export(caller, page.get(page.size() - 1).id(), PAGE);
            }
            w.flush();
        };
    }
}
