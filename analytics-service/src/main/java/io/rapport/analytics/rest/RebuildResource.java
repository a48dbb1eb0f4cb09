package io.rapport.analytics.rest;

import jakarta.annotation.security.RolesAllowed;

import io.rapport.platform.security.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.analytics.service.RebuildService;
import io.rapport.analytics.service.RebuildService.Progress;
import io.rapport.platform.problem.ProblemDetail;
import io.rapport.platform.problem.ProblemException;

@Path("/api/v1/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "Re-fold the whole event history into fresh tables under the current parameters")
public class RebuildResource {

    static final String EXAMPLE = """
        {"status": "RUNNING", "folded": 41250, "total": 100000, "percent": 41.2}""";

    private final RebuildService rebuild;

    public RebuildResource(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Start a rebuild", description = "Re-folds both topics from offset 0 into fresh tables under the "
        + "current scoring parameters. Queries keep answering from the current tables until the rebuild switches "
        + "over atomically; events consumed meanwhile are not lost.")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = Progress.class), examples = @ExampleObject(name = "started", value = EXAMPLE)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running", content = @Content(
        mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Response start() {
        if (!rebuild.start()) {
            throw ProblemException.conflict("a rebuild is already running");
        }
        return Response.accepted(rebuild.progress()).build();
    }

    @GET
    @RolesAllowed({ Roles.VIEWER, Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "Rebuild progress", description = "IDLE (none since start-up), RUNNING, DONE or FAILED; records "
        + "folded, total (the topics' end offsets when it started; catching up may fold a few more), percent.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = Progress.class), examples = @ExampleObject(name = "running", value = EXAMPLE)))
    public Progress status() {
        return rebuild.progress();
    }
}
