package io.callemu.emulator.core.media;

import io.callemu.emulator.core.outcome.ResultRow;

/** Why a play source cannot be played: its catalogue row (8535/8536) and a detail for the journal. */
final class SourceFailure extends RuntimeException {

  final ResultRow row;
  /** Index of the failing source in its list (failedPlaySourceIndex), or -1. */
  final int index;

  SourceFailure(ResultRow row, String detail) {
    this(row, detail, -1);
  }

  private SourceFailure(ResultRow row, String detail, int index) {
    super(detail, null, false, false);
    this.row = row;
    this.index = index;
  }

  SourceFailure at(int index) {
    return new SourceFailure(row, getMessage(), index);
  }
}
