package io.callemu.emulator.surface.control.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * One message of the live feed as a Server-Sent Events frame ({@code id}, {@code event},
 * {@code data} one compact JSON line), encoded once and written to every tab.
 *
 * @param event the message type ({@code hello}, {@code call}, {@code item}, {@code clock},
 *     {@code resync}, {@code reset})
 */
record FeedMessage(long id, String event, Buffer frame) {

  static FeedMessage of(long id, String event, JsonObject data) {
    // Compact JSON escapes line breaks inside strings, so the data is one line as SSE needs.
    Buffer frame = Buffer.buffer("id: " + id + "\nevent: " + event + "\ndata: ").appendBuffer(data.toBuffer())
        .appendString("\n\n");
    return new FeedMessage(id, event, frame);
  }

  int size() {
    return frame.length();
  }
}
