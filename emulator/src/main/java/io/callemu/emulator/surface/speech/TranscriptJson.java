package io.callemu.emulator.surface.speech;

import io.callemu.emulator.surface.speech.recognition.Transcript;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Transcripts as JSON, as the control API and scenarios take them: {@code {"text", "pcmSha256"?}} or an
 * array of such objects (CONTRACT section 7).
 */
final class TranscriptJson {

  private TranscriptJson() {
  }

  /** @throws IllegalArgumentException naming the first problem, prefixed with {@code path} */
  static List<Transcript> read(Object value, String path) {
    List<Transcript> out = new ArrayList<>();
    if (value instanceof JsonArray array) {
      if (array.isEmpty()) {
        throw new IllegalArgumentException(path + " must hold at least one transcript {\"text\", \"pcmSha256\"?}");
      }
      for (int i = 0; i < array.size(); i++) {
        out.add(one(array.getValue(i), path + "[" + i + "]"));
      }
    } else {
      out.add(one(value, path));
    }
    return out;
  }

  private static Transcript one(Object value, String path) {
    if (!(value instanceof JsonObject o)) {
      throw new IllegalArgumentException(path + " must be an object {\"text\", \"pcmSha256\"?}");
    }
    Object text = o.getValue("text");
    Object hash = o.getValue("pcmSha256");
    if (!(text instanceof String)) {
      throw new IllegalArgumentException(path + ".text is required: the words the caller says, as a string");
    }
    if (hash != null && !(hash instanceof String)) {
      throw new IllegalArgumentException(path + ".pcmSha256 must be a string of 64 hex digits");
    }
    try {
      return new Transcript((String) text, (String) hash);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage());
    }
  }

  static JsonObject toJson(Transcript t) {
    JsonObject o = new JsonObject().put("text", t.text());
    if (t.pcmSha256() != null) {
      o.put("pcmSha256", t.pcmSha256());
    }
    return o;
  }
}
