package io.callemu.emulator.core.media;

import io.callemu.emulator.core.outcome.Outcome;

/** Why a play source cannot be played: its catalogue row (8535/8536) and a detail for the journal. */
final class SourceFailure extends RuntimeException {

  final Outcome outcome;
  /** Index of the failing source in its list, or -1. */
  final int index;

  SourceFailure(Outcome outcome, String detail) {
    this(outcome, detail, -1);
  }

  private SourceFailure(Outcome outcome, String detail, int index) {
    super(detail, null, false, false);
    this.outcome = outcome;
    this.index = index;
  }

  SourceFailure at(int index) {
    return new SourceFailure(outcome, getMessage(), index);
  }
}
