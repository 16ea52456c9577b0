package io.callemu.emulator.core.media;

/** Why a play source cannot be played, and a detail for the journal; each operation names its own outcome for it. */
final class SourceFailure extends RuntimeException {

  /** What went wrong with the source. */
  enum Reason {
    /** It could not be fetched or read. */
    DOWNLOAD_FAILED,
    /** Its bytes are neither a WAV nor an MP3 file. */
    INVALID_FILE
  }

  final Reason reason;
  /** Index of the failing source in its list, or -1. */
  final int index;

  SourceFailure(Reason reason, String detail) {
    this(reason, detail, -1);
  }

  private SourceFailure(Reason reason, String detail, int index) {
    super(detail, null, false, false);
    this.reason = reason;
    this.index = index;
  }

  SourceFailure at(int index) {
    return new SourceFailure(reason, getMessage(), index);
  }
}
