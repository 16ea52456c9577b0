package io.callemu.emulator.surface.acs.transcription;

import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.fault.Faults;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.core.transcription.TranscriptionTransport;
import io.callemu.emulator.platform.journal.Journal;

/**
 * The ACS transcription transport: each stream is a WebSocket callemu opens to the app's
 * {@code transportUrl}, carrying TranscriptionMetadata and TranscriptionData frames.
 */
public final class AcsTranscriptionTransport implements TranscriptionTransport {

  private final StreamConnector connector;
  private final Clock clock;
  private final Settings settings;
  private final Journal journal;
  private final Faults faults;

  public AcsTranscriptionTransport(StreamConnector connector, Clock clock, Settings settings, Journal journal,
      Faults faults) {
    this.connector = connector;
    this.clock = clock;
    this.settings = settings;
    this.journal = journal;
    this.faults = faults;
  }

  @Override
  public Stream open(Target target, Listener listener) {
    TranscriptionStream stream = new TranscriptionStream(connector, clock, settings, journal, faults, target,
        listener);
    stream.open();
    return stream;
  }
}
