package io.callemu.emulator.platform.journal;

import io.vertx.core.json.JsonObject;

/**
 * Something on a WebSocket callemu keeps with an app: a connection change ({@code type}
 * {@code connection}), a frame sent (its type) or a frame dropped ({@code dropped}).
 */
public final class WebSocketEntry extends JournalEntry {

  private final String url;
  private final JsonObject details;

  /** @param details the type's fields ({@code event}, {@code reason}, {@code frame}, counters) */
  public WebSocketEntry(String callId, String type, String url, JsonObject details) {
    super(Kind.WEBSOCKET, callId, type);
    this.url = url;
    this.details = details;
  }

  @Override
  protected void writeFields(JsonObject o) {
    o.put("url", url).mergeIn(details.copy());
  }
}
