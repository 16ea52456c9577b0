package io.callemu.emulator.core.call;

import io.callemu.emulator.core.event.DomainEvent;
import io.callemu.emulator.core.party.Party;
import java.util.List;

/** The call's roster changed; {@code sequenceNumber} rises with each change. */
public record ParticipantsUpdated(Call call, List<Party> participants, int sequenceNumber) implements DomainEvent {

  public ParticipantsUpdated {
    participants = List.copyOf(participants);
  }
}
