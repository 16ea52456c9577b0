package io.callemu.emulator.core.call;

import io.callemu.emulator.core.settings.Setting;
import java.util.List;

/** The settings of the call life cycle. */
public final class CallSettings {

  public static final Setting<Long> RING_MS = Setting.number("call.ringMs", 500, 0, 600_000,
      "how long an outbound call rings (emulated ms) before the remote party picks up and "
          + "CallConnected is sent",
      "callemu choice; the real service connects when the callee answers");
  public static final Setting<Long> ANSWER_TIMEOUT_MS = Setting.number("incomingCall.answerTimeoutMs", 30_000, 1,
      3_600_000,
      "how long an incomingCallContext stays answerable (emulated ms); answering later yields AnswerFailed 400/8587",
      "subcode 8587 'Incoming Call Not Answered Within Time' "
          + "(https://learn.microsoft.com/azure/communication-services/resources/troubleshooting/voice-video-calling/"
          + "call-automation-subcodes); the window itself is UNVERIFIED");

  public static final List<Setting<?>> ALL = List.of(RING_MS, ANSWER_TIMEOUT_MS);

  private CallSettings() {
  }
}
