package io.callemu.emulator.core.input;

/** A listener's registration with a {@link CallerInput}; cancelling twice is harmless. */
@FunctionalInterface
public interface Subscription {

  void cancel();
}
