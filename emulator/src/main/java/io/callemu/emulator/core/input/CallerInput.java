package io.callemu.emulator.core.input;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One call's stream of caller input: subscribers register here, and the emulator's input sources
 * publish here. Used on the emulator's context only (no locking). A listener that throws is
 * reported to the error handler and does not stop the others.
 */
public final class CallerInput {

  private final String callConnectionId;
  private final List<CallerInputListener> listeners = new ArrayList<>();
  private Consumer<RuntimeException> errors = e -> { };
  private boolean closed;

  public CallerInput(String callConnectionId) {
    this.callConnectionId = callConnectionId;
  }

  public String callConnectionId() {
    return callConnectionId;
  }

  /**
   * Adds a listener; after the call ended it gets {@link CallerInputListener#inputClosed()} at once
   * and nothing else.
   */
  public Subscription subscribe(CallerInputListener listener) {
    if (closed) {
      listener.inputClosed();
      return () -> { };
    }
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * Adds a listener that hears every input before the listeners that act on it (an observer such as
   * the console, which shows a key before what the key caused); otherwise as {@link #subscribe}.
   */
  public Subscription subscribeFirst(CallerInputListener listener) {
    if (closed) {
      listener.inputClosed();
      return () -> { };
    }
    listeners.add(0, listener);
    return () -> listeners.remove(listener);
  }

  /** Where listener failures go (the journal). */
  public void onListenerError(Consumer<RuntimeException> handler) {
    this.errors = handler;
  }

  public boolean isClosed() {
    return closed;
  }

  public void tone(ToneInput tone) {
    each(l -> l.toneReceived(tone));
  }

  public void speechStarted(SpeechStart start) {
    each(l -> l.speechStarted(start));
  }

  public void speechEnded(SpeechInput speech) {
    each(l -> l.speechEnded(speech));
  }

  /** The call ended: tells every listener once and drops them. */
  public void close() {
    if (closed) {
      return;
    }
    each(CallerInputListener::inputClosed);
    closed = true;
    listeners.clear();
  }

  private void each(Consumer<CallerInputListener> delivery) {
    if (closed) {
      return;
    }
    // A copy: listeners may unsubscribe (or subscribe others) while being told.
    for (CallerInputListener l : List.copyOf(listeners)) {
      try {
        delivery.accept(l);
      } catch (RuntimeException e) {
        errors.accept(e);
      }
    }
  }
}
