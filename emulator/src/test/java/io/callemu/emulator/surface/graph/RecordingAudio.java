package io.callemu.emulator.surface.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A downloaded recording checked as a WAV, with the samples and a Goertzel power meter for its content. */
record RecordingAudio(short[] samples) {

  static final int RATE = 16_000;

  /** Parses {@code wav}, asserting the RIFF header of PCM 16-bit, 16 kHz, mono with the data chunk's true size. */
  static RecordingAudio parse(byte[] wav) {
    ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(b.getInt(4)).isEqualTo(wav.length - 8);
    assertThat(new String(wav, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
    assertThat(b.getInt(16)).isEqualTo(16);
    assertThat(b.getShort(20)).as("PCM").isEqualTo((short) 1);
    assertThat(b.getShort(22)).as("mono").isEqualTo((short) 1);
    assertThat(b.getInt(24)).as("16 kHz").isEqualTo(RATE);
    assertThat(b.getInt(28)).as("byte rate").isEqualTo(RATE * 2);
    assertThat(b.getShort(32)).as("block align").isEqualTo((short) 2);
    assertThat(b.getShort(34)).as("16-bit").isEqualTo((short) 16);
    assertThat(new String(wav, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
    assertThat(b.getInt(40)).isEqualTo(wav.length - 44);
    short[] samples = new short[(wav.length - 44) / 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = b.getShort(44 + 2 * i);
    }
    return new RecordingAudio(samples);
  }

  long durationMillis() {
    return samples.length * 1000L / RATE;
  }

  /** Relative power of {@code hz} in {@code [fromMs, toMs)} (Goertzel, normalised by the window's length). */
  double power(double hz, long fromMs, long toMs) {
    int from = (int) (fromMs * RATE / 1000);
    int to = (int) (toMs * RATE / 1000);
    double coeff = 2 * Math.cos(2 * Math.PI * hz / RATE);
    double s1 = 0;
    double s2 = 0;
    for (int i = from; i < to; i++) {
      double s = samples[i] + coeff * s1 - s2;
      s2 = s1;
      s1 = s;
    }
    double p = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    return p / ((double) (to - from) * (to - from));
  }

  /** Whether every sample in {@code [fromMs, toMs)} is zero. */
  boolean silent(long fromMs, long toMs) {
    for (int i = (int) (fromMs * RATE / 1000); i < (int) (toMs * RATE / 1000); i++) {
      if (samples[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * A WAV (16 kHz mono 16-bit): {@code silenceMs} of silence (so a voice detector learns the
   * floor), then a sine at {@code hz} for {@code toneMs}; {@code into} gets every sample.
   */
  static byte[] sineWav(double hz, int silenceMs, int toneMs, short[] into) {
    int quiet = RATE * silenceMs / 1000;
    int n = quiet + RATE * toneMs / 1000;
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * n).put("WAVE".getBytes(StandardCharsets.US_ASCII))
        .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * n);
    for (int i = 0; i < n; i++) {
      short s = i < quiet ? 0 : (short) Math.round(12_000 * Math.sin(2 * Math.PI * hz * (i - quiet) / RATE));
      if (into != null) {
        into[i] = s;
      }
      b.putShort(s);
    }
    return b.array();
  }
}
