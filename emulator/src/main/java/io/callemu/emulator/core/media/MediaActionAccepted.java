package io.callemu.emulator.core.media;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.event.DomainEvent;
import io.callemu.emulator.core.outcome.ActionKind;
import java.util.Map;

/**
 * The app's media action was accepted (the scenario triggers {@code play} and {@code recognize}).
 *
 * @param facts the request's top-level plain fields (for scenario {@code match})
 */
public record MediaActionAccepted(Call call, ActionKind action, Map<String, Object> facts) implements DomainEvent {

  public MediaActionAccepted {
    facts = Map.copyOf(facts);
  }
}
