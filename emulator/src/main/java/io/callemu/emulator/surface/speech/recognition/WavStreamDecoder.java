package io.callemu.emulator.surface.speech.recognition;

import io.callemu.emulator.surface.speech.recognition.BadAudioException.Problem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a WAV stream as it arrives, in pieces of any size, and hands its samples on as 20 ms frames
 * of 16 kHz mono audio, the recognizer's input. Nothing but one frame and a few header bytes is kept.
 *
 * <p>The header is read chunk by chunk. The RIFF size is ignored, and so is a {@code data} size of 0 or
 * 0xFFFFFFFF: streaming writers (the Speech SDKs, the REST sample's 46-byte header with an 18-byte
 * {@code fmt } chunk) do not know the length, so the samples run to the end of the stream. A real
 * {@code data} size is honoured (chunks after it are skipped) and a stream shorter than it is truncated.
 * 16-bit PCM at 8 or 16 kHz, mono or stereo, is accepted: stereo is mixed down, 8 kHz is resampled by
 * linear interpolation. The SHA-256 of the sample bytes as received (the {@code data} chunk's content)
 * identifies the audio for transcripts registered by hash.
 */
public final class WavStreamDecoder {

  /** Receives each frame; the array is reused for the next one. */
  public interface FrameSink {
    void frame(short[] samples);
  }

  public static final int SAMPLE_RATE = 16_000;
  public static final int FRAME_MILLIS = 20;
  public static final int FRAME_SAMPLES = SAMPLE_RATE * FRAME_MILLIS / 1000;
  /** Header bytes (chunks before the samples) read before giving up on finding {@code data}. */
  static final int MAX_HEADER_BYTES = 1 << 20;
  private static final int MAX_FMT_BYTES = 64;
  private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;

  private enum State { RIFF, CHUNK_HEADER, FMT, SKIP, DATA, AFTER_DATA }

  private final FrameSink sink;
  private final long maxAudioMillis;
  private final MessageDigest sha256;
  private final byte[] header = new byte[MAX_FMT_BYTES];
  private final short[] frame = new short[FRAME_SAMPLES];

  private State state = State.RIFF;
  private int headerFill;
  private int headerWanted = 12;
  private long headerBytesSeen;
  private long skipLeft;
  private boolean skipPad;
  private boolean haveFormat;
  private int channels;
  private int sampleRate;
  private long dataLeft = -1; // -1: until the end
  private long dataDeclared = -1;
  private long pcmBytes;
  // a sample frame split across pieces
  private final byte[] carry = new byte[4];
  private int carryFill;
  // 8 kHz resampling
  private boolean havePrevious;
  private int previous;
  private int frameFill;
  private boolean ended;
  private String hash;

  /**
   * @param maxAudioMillis the longest audio accepted (at the input's rate); more is {@link Problem#TOO_LONG}
   */
  public WavStreamDecoder(FrameSink sink, long maxAudioMillis) {
    this.sink = sink;
    this.maxAudioMillis = maxAudioMillis;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Takes the next {@code length} bytes of the stream; frames go to the sink as they fill. */
  public void feed(byte[] bytes, int offset, int length) throws BadAudioException {
    if (ended) {
      throw new IllegalStateException("the stream has ended");
    }
    int at = offset;
    int end = offset + length;
    while (at < end) {
      switch (state) {
        case RIFF, CHUNK_HEADER, FMT -> at = fillHeader(bytes, at, end);
        case SKIP -> at = skip(at, end);
        case DATA -> at = data(bytes, at, end);
        default -> at = end; // after a data chunk of known size nothing else matters
      }
    }
  }

  /**
   * The stream is over: the last partial frame is padded with silence and delivered.
   *
   * @throws BadAudioException when the stream ended inside its header or short of its declared samples
   */
  public void end() throws BadAudioException {
    if (ended) {
      return;
    }
    ended = true;
    hash = HexFormat.of().formatHex(sha256.digest());
    if (state != State.DATA && state != State.AFTER_DATA) {
      throw new BadAudioException(Problem.TRUNCATED, headerBytesSeen + headerFill == 0 ? "the audio is empty"
          : "the audio ends inside its WAV header, before any samples");
    }
    if (dataLeft > 0) {
      throw new BadAudioException(Problem.TRUNCATED, "the audio is truncated: its WAV header declares "
          + dataDeclared + " bytes of samples but only " + pcmBytes + " follow");
    }
    if (havePrevious && sampleRate != SAMPLE_RATE) {
      emit(previous); // the last interpolated slot repeats the last sample
    }
    if (frameFill > 0) {
      java.util.Arrays.fill(frame, frameFill, FRAME_SAMPLES, (short) 0);
      frameFill = 0;
      sink.frame(frame);
    }
  }

  /** True once the header was read and samples are flowing. */
  public boolean inSamples() {
    return state == State.DATA || state == State.AFTER_DATA;
  }

  /** Sample bytes received so far (the {@code data} chunk's content). */
  public long pcmBytes() {
    return pcmBytes;
  }

  /** Audio received so far, in milliseconds; 0 before the header is read. */
  public long audioMillis() {
    return haveFormat ? pcmBytes * 1000 / ((long) sampleRate * channels * 2) : 0;
  }

  /** The SHA-256 of every sample byte, lower-case hex, once {@link #end()} ran; null before. */
  public String pcmSha256() {
    return hash;
  }

  private int fillHeader(byte[] bytes, int at, int end) throws BadAudioException {
    int n = Math.min(headerWanted - headerFill, end - at);
    System.arraycopy(bytes, at, header, headerFill, n);
    headerFill += n;
    if (state == State.RIFF) {
      for (int i = 0; i < Math.min(headerFill, 4); i++) {
        if (header[i] != "RIFF".charAt(i)) {
          throw notWav();
        }
      }
    }
    if (headerFill == headerWanted) {
      headerBytesSeen += headerWanted;
      headerFill = 0;
      headerComplete();
    }
    return at + n;
  }

  private void headerComplete() throws BadAudioException {
    switch (state) {
      case RIFF -> {
        if (!fourCc(8, "WAVE")) {
          throw notWav();
        }
        expectChunkHeader();
      }
      case CHUNK_HEADER -> chunk();
      case FMT -> {
        readFormat(headerWanted);
        skipPad = (headerWanted & 1) == 1;
        if (skipPad) {
          startSkip(0);
        } else {
          expectChunkHeader();
        }
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  private static BadAudioException notWav() {
    return new BadAudioException(Problem.NOT_WAV, "the audio is not a WAV file: it must start with a RIFF/WAVE header");
  }

  private void chunk() throws BadAudioException {
    long size = uint32(4);
    if (fourCc(0, "fmt ")) {
      if (haveFormat) {
        throw new BadAudioException(Problem.NOT_WAV, "the WAV header has two fmt chunks");
      }
      if (size < 16 || size > MAX_FMT_BYTES) {
        throw new BadAudioException(Problem.NOT_WAV, "the WAV fmt chunk has " + size + " bytes; 16 to "
            + MAX_FMT_BYTES + " expected");
      }
      state = State.FMT;
      headerWanted = (int) size;
    } else if (fourCc(0, "data")) {
      if (!haveFormat) {
        throw new BadAudioException(Problem.NOT_WAV, "the WAV data chunk comes before its fmt chunk");
      }
      state = State.DATA;
      boolean unknown = size == 0 || size == UNKNOWN_SIZE;
      dataLeft = unknown ? -1 : size;
      dataDeclared = dataLeft;
    } else {
      skipPad = (size & 1) == 1;
      startSkip(size);
    }
  }

  private void startSkip(long size) throws BadAudioException {
    long total = size + (skipPad ? 1 : 0);
    if (headerBytesSeen + total > MAX_HEADER_BYTES) {
      throw new BadAudioException(Problem.NOT_WAV, "no WAV data chunk within the first " + MAX_HEADER_BYTES
          + " bytes");
    }
    headerBytesSeen += total;
    skipLeft = total;
    state = State.SKIP;
    if (skipLeft == 0) {
      expectChunkHeader();
    }
  }

  private int skip(int at, int end) {
    int n = (int) Math.min(skipLeft, end - at);
    skipLeft -= n;
    if (skipLeft == 0) {
      expectChunkHeader();
    }
    return at + n;
  }

  private void expectChunkHeader() {
    state = State.CHUNK_HEADER;
    headerWanted = 8;
    headerFill = 0;
  }

  private void readFormat(int size) throws BadAudioException {
    int tag = uint16(0);
    channels = uint16(2);
    sampleRate = (int) uint32(4);
    int blockAlign = uint16(12);
    int bits = uint16(14);
    if (tag == 0xFFFE && size >= 40) {
      tag = uint16(24); // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID starts with the format tag
    }
    if (tag != 1 || bits != 16 || (sampleRate != 8_000 && sampleRate != SAMPLE_RATE)
        || channels < 1 || channels > 2) {
      throw new BadAudioException(Problem.UNSUPPORTED_FORMAT, "unsupported audio format (format tag " + tag + ", "
          + bits + "-bit, " + sampleRate + " Hz, " + channels + " channel(s)): callemu recognises 16-bit PCM WAV"
          + " at 8 or 16 kHz, mono or stereo");
    }
    if (blockAlign != channels * 2) {
      throw new BadAudioException(Problem.NOT_WAV, "the WAV fmt chunk's block align " + blockAlign
          + " does not match " + channels + " channel(s) of 16 bits");
    }
    haveFormat = true;
  }

  private int data(byte[] bytes, int at, int end) throws BadAudioException {
    int n = dataLeft < 0 ? end - at : (int) Math.min(dataLeft, end - at);
    sha256.update(bytes, at, n);
    pcmBytes += n;
    if (audioMillis() > maxAudioMillis) {
      throw new BadAudioException(Problem.TOO_LONG, "the audio is longer than " + maxAudioMillis / 1000
          + " seconds");
    }
    if (dataLeft > 0) {
      dataLeft -= n;
      if (dataLeft == 0) {
        state = State.AFTER_DATA;
      }
    }
    samples(bytes, at, n);
    return at + n;
  }

  /** Decodes whole sample frames (1 or 2 channels × 16 bits), keeping a split one for the next piece. */
  private void samples(byte[] bytes, int at, int n) {
    int blockAlign = channels * 2;
    int i = at;
    int end = at + n;
    if (carryFill > 0) {
      while (carryFill < blockAlign && i < end) {
        carry[carryFill++] = bytes[i++];
      }
      if (carryFill < blockAlign) {
        return;
      }
      sample(carry, 0);
      carryFill = 0;
    }
    for (; i + blockAlign <= end; i += blockAlign) {
      sample(bytes, i);
    }
    while (i < end) {
      carry[carryFill++] = bytes[i++];
    }
  }

  private void sample(byte[] b, int at) {
    int value = (short) ((b[at + 1] << 8) | (b[at] & 0xff));
    if (channels == 2) {
      value = (value + (short) ((b[at + 3] << 8) | (b[at + 2] & 0xff))) / 2;
    }
    if (sampleRate == SAMPLE_RATE) {
      emit(value);
      return;
    }
    if (havePrevious) {
      emit((previous + value) / 2);
    }
    emit(value);
    previous = value;
    havePrevious = true;
  }

  private void emit(int value) {
    frame[frameFill++] = (short) value;
    if (frameFill == FRAME_SAMPLES) {
      frameFill = 0;
      sink.frame(frame);
    }
  }

  private boolean fourCc(int at, String id) {
    for (int i = 0; i < 4; i++) {
      if (header[at + i] != id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int uint16(int at) {
    return (header[at] & 0xff) | (header[at + 1] & 0xff) << 8;
  }

  private long uint32(int at) {
    return (header[at] & 0xffL) | (header[at + 1] & 0xffL) << 8 | (header[at + 2] & 0xffL) << 16
        | (header[at + 3] & 0xffL) << 24;
  }
}
