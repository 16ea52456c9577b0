package io.callemu.emulator.surface.acs;

import io.callemu.emulator.core.settings.Setting;
import java.util.List;

/** Settings of the ACS surface: request authentication, request defaults and what its events show. */
public final class AcsSettings {

  public static final Setting<Long> MAX_CLOCK_SKEW_SECONDS = Setting.number("auth.maxClockSkewSeconds", 900, 0,
      86_400, "how far x-ms-date may be from the real time before a request is refused with 401",
      "UNVERIFIED for the real service; 15 minutes is the usual Azure tolerance");
  public static final Setting<Boolean> PROMPT_EMITS_PLAY_EVENTS = Setting.flag("recognize.promptEmitsPlayEvents",
      false, "whether a recognize's prompt also sends PlayStarted/PlayCompleted (PlayCanceled when barged in)",
      "UNVERIFIED: the SDK samples listen only for Recognize* events");
  public static final Setting<Boolean> INTERRUPT_MEDIA_DEFAULT = Setting.flag(
      "media.interruptCallMediaOperationDefault", false,
      "interruptCallMediaOperation when a play/recognize request leaves it out: false queues the action behind "
          + "running ones, true cancels them",
      "the how-to table says default true; the request model says the field barges into queued operations only "
          + "when set; callemu queues by default so no event is lost");

  public static final Setting<Long> EVENT_GRID_ANSWER_WAIT_MS = Setting.number("eventGrid.answerWaitMs", 2_000, 0,
      60_000, "how long POST /_emulator/incoming-calls waits (real ms) for the app to answer the Event Grid "
          + "IncomingCall post before it answers 201 with delivery 'noAnswer' (the call stays offered)",
      "callemu choice: Event Grid itself waits up to 30 s, but a test should not");

  public static final List<Setting<?>> ALL = List.of(MAX_CLOCK_SKEW_SECONDS, PROMPT_EMITS_PLAY_EVENTS,
      INTERRUPT_MEDIA_DEFAULT, EVENT_GRID_ANSWER_WAIT_MS);

  private AcsSettings() {
  }
}
