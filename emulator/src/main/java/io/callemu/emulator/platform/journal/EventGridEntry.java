package io.callemu.emulator.platform.journal;

import io.vertx.core.json.JsonObject;

/** An Event Grid post to the app's webhook and what came of it. */
public final class EventGridEntry extends JournalEntry {

  private final String url;
  private final JsonObject event;
  private JsonObject outcome;

  public EventGridEntry(String type, String url, JsonObject event) {
    super(Kind.EVENTGRID, null, type);
    this.url = url;
    this.event = event;
  }

  /** The webhook's answer ({@code {"status"}}) or why there was none ({@code {"error"}}). */
  public void answered(JsonObject outcome) {
    this.outcome = outcome;
  }

  @Override
  protected void writeFields(JsonObject o) {
    o.put("url", url).put("event", event.copy());
    if (outcome != null) {
      o.put("outcome", outcome.copy());
    }
  }
}
