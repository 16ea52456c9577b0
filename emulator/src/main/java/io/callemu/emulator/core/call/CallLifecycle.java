package io.callemu.emulator.core.call;

/**
 * How the core's own features (media, transcription) follow every call's life; called
 * synchronously by {@link CallService} on the emulator's context, in registration order.
 */
public interface CallLifecycle {

  /** A new call, before its first event (media binds its RTP port). */
  default void created(Call call) {
  }

  /** The call connected, after CallConnected was published. */
  default void connected(Call call) {
  }

  /** The call is about to end: the last moment its features may publish events. */
  default void ending(Call call) {
  }

  /** A control reset drops the active call without events; features let go of what it held. */
  default void dropped(Call call) {
  }
}
