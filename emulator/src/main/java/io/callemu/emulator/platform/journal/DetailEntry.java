package io.callemu.emulator.platform.journal;

import io.vertx.core.json.JsonObject;

/**
 * An entry a surface describes with its own fields: a WebSocket connection change or frame (kind
 * {@code websocket}: {@code type} {@code connection}, a frame's type, or {@code dropped}), a Speech
 * recognition (kind {@code speech}).
 */
public final class DetailEntry extends JournalEntry {

  private final JsonObject details;

  /** @param details the entry's own fields ({@code url}, {@code event}, {@code reason}, {@code frame}, …) */
  public DetailEntry(Kind kind, String callId, String type, JsonObject details) {
    super(kind, callId, type);
    this.details = details;
  }

  @Override
  protected void writeFields(JsonObject o) {
    o.mergeIn(details.copy());
  }
}
