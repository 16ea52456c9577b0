package io.callemu.emulator.core.media;

import io.callemu.emulator.core.outcome.ResultCatalogue;
import io.callemu.emulator.core.outcome.ResultRow;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code :play}: resolves how long its sources play, then PlayStarted, then PlayCompleted when
 * they have played (never with {@code loop}: a looping play runs until cancelled). A source that
 * cannot be played ends it with PlayFailed carrying {@code failedPlaySourceIndex}, before any
 * PlayStarted.
 */
final class PlayOperation extends MediaOperation {

  private final List<PlaySource> sources;
  private final boolean loop;

  PlayOperation(CallMedia media, List<PlaySource> sources, boolean loop, String operationContext,
      String callbackUri) {
    super(media, operationContext, callbackUri);
    this.sources = List.copyOf(sources);
    this.loop = loop;
  }

  @Override
  String kind() {
    return "play";
  }

  @Override
  ResultRow canceledRow() {
    return ResultCatalogue.PLAY_CANCELED;
  }

  @Override
  void start() {
    if (media.endWithFault(this)) {
      return;
    }
    state = "loading";
    media.service().durations().total(sources).onComplete(ar -> {
      if (ended()) {
        return;
      }
      if (ar.failed()) {
        SourceFailure f = (SourceFailure) ar.cause();
        media.service().note(media.call(), "play source " + f.index + " failed: " + f.getMessage());
        finish(f.row, new JsonObject().put("failedPlaySourceIndex", Math.max(0, f.index)));
        return;
      }
      state = "playing";
      ResultRow started = ResultCatalogue.PLAY_STARTED;
      emit(started.event(), started.toJson(), null);
      if (!loop) {
        startTimer("playEnd", ar.result(), () -> finish(ResultCatalogue.PLAY_COMPLETED, null));
      }
    });
  }

  @Override
  JsonObject describe() {
    return super.describe().put("loop", loop).put("sources", sources.size());
  }
}
