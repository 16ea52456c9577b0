package io.callemu.emulator.core.media;

import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.outcome.Outcome;

/**
 * The outcomes of one kind of play: ACS's play and Graph's playPrompt run the same {@link
 * PlayOperation} and differ only in these rows (and in the fault action that ends them).
 *
 * @param started reported when the sources start playing, or null when the surface has no such event
 * @param internal what an armed fault whose code pair the catalogue lacks ends it with
 */
record PlayRows(ActionKind kind, Outcome started, Outcome completed, Outcome canceled, Outcome internal,
    Outcome downloadFailed, Outcome invalidFile) {

  /** ACS Call Automation's play. */
  static final PlayRows PLAY = new PlayRows(ActionKind.PLAY, Outcome.PLAY_STARTED, Outcome.PLAY_COMPLETED,
      Outcome.PLAY_CANCELED, Outcome.PLAY_INTERNAL, Outcome.PLAY_DOWNLOAD_FAILED, Outcome.PLAY_INVALID_FILE);
  /** Microsoft Graph's playPrompt (no started notification). */
  static final PlayRows PLAY_PROMPT = new PlayRows(ActionKind.PLAY_PROMPT, null, Outcome.PLAY_PROMPT_COMPLETED,
      Outcome.PLAY_PROMPT_CANCELED, Outcome.PLAY_PROMPT_UNSPECIFIED, Outcome.PLAY_PROMPT_DOWNLOAD_FAILED,
      Outcome.PLAY_PROMPT_INVALID_FILE);

  /** The row of a source that cannot be played. */
  Outcome failed(SourceFailure failure) {
    return failure.reason == SourceFailure.Reason.INVALID_FILE ? invalidFile : downloadFailed;
  }
}
