package io.callemu.emulator.platform.journal;

import io.vertx.core.json.JsonObject;

/** A line about a call's media or scripted caller (a prompt that failed, a fault that fired). */
public final class NoteEntry extends JournalEntry {

  private final String message;

  public NoteEntry(String callId, String message) {
    super(Kind.MEDIA, callId, null);
    this.message = message;
  }

  @Override
  protected void writeFields(JsonObject o) {
    o.put("message", message);
  }
}
