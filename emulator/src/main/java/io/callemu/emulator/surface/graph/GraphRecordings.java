package io.callemu.emulator.surface.graph;

import io.callemu.emulator.core.recording.Recording;
import io.callemu.emulator.core.recording.Recordings;
import io.callemu.emulator.platform.http.RequestPipeline;
import io.callemu.emulator.platform.journal.Journal;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * {@code GET /_emulator/graph/recordings/{id}}, the {@code recordingLocation} callemu hands out
 * (CONTRACT section 6, reference A7.5): with {@code Authorization: Bearer <recordingAccessToken>}
 * the WAV as {@code application/octet-stream}; without it or with another token 401; an unknown or
 * deleted recording 404; errors in the Graph envelope, requests journalled. Needs no control token
 * (a bot downloads it), so it is mounted before the control API.
 */
final class GraphRecordings {

  private final Recordings recordings;
  private final Journal journal;
  private final Clock clock;

  GraphRecordings(Recordings recordings, Journal journal, Clock clock) {
    this.recordings = recordings;
    this.journal = journal;
    this.clock = clock;
  }

  void mount(Vertx vertx, Router root) {
    Router r = Router.router(vertx);
    RequestPipeline pipeline = RequestPipeline.on(r, "graph", journal, new GraphErrors(), GraphReplies::finish)
        .stage(GraphRequestIds.assign(clock));
    r.get("/:id").handler(this::download);
    pipeline.endWithNotFound();
    root.route(GraphEvents.RECORDINGS_PATH.substring(0, GraphEvents.RECORDINGS_PATH.length() - 1) + "*")
        .subRouter(r);
  }

  private void download(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Recording recording = recordings.find(id);
    if (recording == null) {
      throw GraphErrors.recordingNotFound(id);
    }
    ctx.put(RequestPipeline.CALL_ID, recording.callId());
    if (!recording.grants(bearer(ctx.request().getHeader("Authorization")))) {
      throw GraphErrors.recordingTokenInvalid();
    }
    recording.written().onComplete(file -> {
      if (file.failed()) {
        ctx.fail(recordings.find(id) == null ? GraphErrors.recordingNotFound(id)
            : GraphErrors.unknownError("the recording could not be written: " + file.cause().getMessage()));
        return;
      }
      ctx.response().putHeader("Content-Type", "application/octet-stream").sendFile(file.result().toString());
    });
  }

  private static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return authorization.substring(7).trim();
  }
}
