package io.callemu.emulator.core.call;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A validated createCall request. {@code source} is the app's identity (null: callemu's own);
 * {@code extras} holds request fields that are echoed back as given.
 */
public record CreateCallCommand(List<Identifier> targets, Identifier source, String callbackUri,
    String operationContext, JsonObject extras) {
}
