package io.callemu.emulator.core.media;

import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.outcome.Outcome;
import java.util.List;

/**
 * A play: resolves how long its sources play, reports that it started, then that it completed when
 * they have played (never with {@code loop}: a looping play runs until cancelled). A source that
 * cannot be played ends it failed, naming the source, before it started.
 */
final class PlayOperation extends MediaOperation {

  private final List<PlaySource> sources;
  private final boolean loop;

  PlayOperation(OperationContext context, List<PlaySource> sources, boolean loop, Requester requester) {
    super(context, ActionKind.PLAY, requester, null);
    this.sources = List.copyOf(sources);
    this.loop = loop;
  }

  @Override
  Outcome canceled() {
    return Outcome.PLAY_CANCELED;
  }

  @Override
  Outcome faultFallback() {
    return Outcome.PLAY_INTERNAL;
  }

  @Override
  void start() {
    if (endWithFault()) {
      return;
    }
    state = OperationState.LOADING;
    context.promptLength(sources).onComplete(ar -> {
      if (ended()) {
        return;
      }
      if (ar.failed()) {
        SourceFailure f = (SourceFailure) ar.cause();
        context.note("play source " + f.index + " failed: " + f.getMessage());
        finish(f.outcome, new MediaResult.FailedSource(Math.max(0, f.index)));
        return;
      }
      state = OperationState.PLAYING;
      report(Outcome.PLAY_STARTED, null, MediaResult.NONE);
      if (!loop) {
        startTimer(OperationTimer.PLAY_END, ar.result(), () -> finish(Outcome.PLAY_COMPLETED, MediaResult.NONE));
      }
    });
  }

  @Override
  OperationSnapshot snapshot(boolean running) {
    OperationSnapshot s = super.snapshot(running);
    return new OperationSnapshot(s.operation(), s.state(), running, s.timers(), loop, sources.size(), null,
        s.tones());
  }
}
