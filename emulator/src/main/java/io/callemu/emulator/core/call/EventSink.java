package io.callemu.emulator.core.call;

import io.vertx.core.json.JsonObject;

/** Where a call's events go (the callback dispatcher); events of one call keep their order. */
public interface EventSink {

  /**
   * Sends event {@code eventName} (e.g. {@code "CallConnected"}) with {@code data} to
   * {@code callbackUri} on behalf of {@code call}.
   */
  void publish(Call call, String eventName, JsonObject data, String callbackUri);
}
