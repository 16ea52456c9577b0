package io.callemu.emulator.surface.graph;

import io.callemu.emulator.core.settings.Setting;
import java.util.List;

/** The settings of Graph calls and their notifications (listed by {@code GET /_emulator/settings}). */
public final class GraphSettings {

  public static final Setting<Long> ANSWER_TIMEOUT_MS = Setting.number("graph.answerTimeoutMs", 15_000, 1,
      3_600_000, "how long (emulated ms) a bot has to answer, reject or redirect an offered call; then the call "
          + "ends with resultInfo 408/1106",
      "https://learn.microsoft.com/graph/api/call-answer (15 s); code pair from "
          + "https://learn.microsoft.com/graph/api/call-delete");
  public static final Setting<Boolean> REPEAT_ESTABLISHED = Setting.flag("graph.notifications.repeatEstablished",
      false, "send the established notification twice, as the samples warn several can arrive",
      "microsoft-graph-comms-samples (comment in the sample bots); UNVERIFIED how often");
  public static final Setting<Boolean> OUT_OF_ORDER = Setting.flag("graph.notifications.outOfOrder", false,
      "send the establishing notification after the established one",
      "'Call establishing/established notifications may arrive out of order' "
          + "(https://learn.microsoft.com/graph/api/call-answer)");

  public static final List<Setting<?>> ALL = List.of(ANSWER_TIMEOUT_MS, REPEAT_ESTABLISHED, OUT_OF_ORDER);

  private GraphSettings() {
  }
}
