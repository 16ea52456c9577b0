package io.callemu.emulator.core.event;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The core's event bus. Listeners hear every event in the order they subscribed (the composition
 * root subscribes the surfaces' renderers first, so an app's callbacks are queued before anything
 * reacts to them), synchronously, on the emulator's context. A listener that throws is reported to
 * the error handler and does not stop the others.
 */
public final class DomainEvents {

  private final List<Consumer<DomainEvent>> listeners = new ArrayList<>();
  private Consumer<RuntimeException> errors = e -> { };

  public void subscribe(Consumer<DomainEvent> listener) {
    listeners.add(listener);
  }

  /** Where listener failures go (the journal). */
  public void onListenerError(Consumer<RuntimeException> handler) {
    this.errors = handler;
  }

  public void publish(DomainEvent event) {
    for (Consumer<DomainEvent> l : listeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        errors.accept(e);
      }
    }
  }
}
