package io.callemu.emulator.platform.webhook;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * One callback a surface wants delivered: the body and headers are the surface's (an ACS
 * CloudEvent array, a Graph notification); delivery only sends, retries and journals them.
 *
 * @param key callbacks with the same key (a call) are delivered one at a time, in order
 * @param type the event's type as the app knows it (journal and long-poll filters)
 * @param journalView what the journal shows of the callback
 */
public record Callback(String key, String type, String url, Map<String, String> headers, Buffer body,
    JsonObject journalView) {
}
