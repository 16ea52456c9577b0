package io.callemu.emulator.core.media;

import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.outcome.Outcome;
import java.util.List;

/**
 * A play (ACS play, Graph playPrompt): resolves how long its sources play, reports that it started
 * (where the surface has such an event), then that it completed when they have played (never with
 * {@code loop}: a looping play runs until cancelled). A source that cannot be played ends it
 * failed, naming the source, before it started. Its {@link PlayRows} say which outcomes it reports.
 */
final class PlayOperation extends MediaOperation {

  private final List<PlaySource> sources;
  private final boolean loop;
  private final PlayRows rows;

  PlayOperation(OperationContext context, PlayRows rows, List<PlaySource> sources, boolean loop,
      Requester requester) {
    super(context, rows.kind(), requester, null);
    this.sources = List.copyOf(sources);
    this.loop = loop;
    this.rows = rows;
  }

  @Override
  Outcome canceled() {
    return rows.canceled();
  }

  @Override
  Outcome faultFallback() {
    return rows.internal();
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
        finish(rows.failed(f), new MediaResult.FailedSource(Math.max(0, f.index)));
        return;
      }
      state = OperationState.PLAYING;
      if (rows.started() != null) {
        report(rows.started(), null, MediaResult.NONE);
      }
      if (!loop) {
        startTimer(OperationTimer.PLAY_END, ar.result(), () -> finish(rows.completed(), MediaResult.NONE));
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
