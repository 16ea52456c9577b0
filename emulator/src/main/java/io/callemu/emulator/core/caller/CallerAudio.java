package io.callemu.emulator.core.caller;

import io.callemu.asr.audio.PcmAudio;
import io.callemu.asr.audio.WavReader;
import io.callemu.asr.vad.EnergyVad;
import io.callemu.asr.vad.VadSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller's speech in a WAV file: where its voice is, by asr-sim's energy voice activity
 * detector, with stretches closer than the segmentation silence joined into one utterance, and the
 * words of its transcript laid over them in proportion to their length.
 */
public final class CallerAudio {

  /** One utterance: from and to (ms from the start of the file) and its words. */
  public record Utterance(long startMs, long endMs, String text) {
  }

  /** A WAV file as callemu hears it: its samples at 16 kHz mono, and its utterances. */
  public record Heard(short[] samples, List<Utterance> utterances) {
  }

  private CallerAudio() {
  }

  /**
   * The utterances of {@code wav} saying {@code text}.
   *
   * @throws IllegalArgumentException when the bytes are no readable WAV (asr-sim's message)
   */
  public static List<Utterance> utterances(byte[] wav, String text, long segmentationSilenceMs) {
    return hear(wav, text, segmentationSilenceMs).utterances();
  }

  /**
   * The samples of {@code wav} (resampled to 16 kHz mono) and its utterances saying {@code text}.
   *
   * @throws IllegalArgumentException when the bytes are no readable WAV (asr-sim's message)
   */
  public static Heard hear(byte[] wav, String text, long segmentationSilenceMs) {
    PcmAudio audio = WavReader.read(wav);
    List<long[]> voiced = voice(audio, segmentationSilenceMs);
    String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
    long total = 0;
    for (long[] v : voiced) {
      total += v[1] - v[0];
    }
    List<Utterance> out = new ArrayList<>();
    long before = 0;
    int used = 0;
    for (int i = 0; i < voiced.size(); i++) {
      long[] v = voiced.get(i);
      before += v[1] - v[0];
      // Words up to this stretch's share of the voiced time; the last stretch takes the rest.
      int upTo = i == voiced.size() - 1 ? words.length : (int) Math.round((double) words.length * before / total);
      out.add(new Utterance(v[0], v[1], String.join(" ", java.util.Arrays.copyOfRange(words, used, upTo))));
      used = upTo;
    }
    return new Heard(audio.samples(), out);
  }

  private static List<long[]> voice(PcmAudio audio, long joinBelowMs) {
    EnergyVad vad = new EnergyVad(VadSettings.DEFAULT);
    List<long[]> stretches = new ArrayList<>();
    short[] samples = audio.samples();
    long start = -1;
    for (int off = 0; off + EnergyVad.FRAME_SAMPLES <= samples.length; off += EnergyVad.FRAME_SAMPLES) {
      int flags = vad.process(samples, off, off / PcmAudio.SAMPLES_PER_MILLI);
      if ((flags & EnergyVad.SPEECH_STARTED) != 0) {
        start = vad.speechStartMillis();
      } else if ((flags & EnergyVad.SPEECH_ENDED) != 0) {
        add(stretches, start, vad.speechEndMillis(), joinBelowMs);
      }
    }
    if ((vad.flush() & EnergyVad.SPEECH_ENDED) != 0) {
      add(stretches, start, vad.speechEndMillis(), joinBelowMs);
    }
    return stretches;
  }

  private static void add(List<long[]> stretches, long start, long end, long joinBelowMs) {
    if (!stretches.isEmpty() && start - stretches.get(stretches.size() - 1)[1] < joinBelowMs) {
      stretches.get(stretches.size() - 1)[1] = end;
    } else {
      stretches.add(new long[] {start, end});
    }
  }
}
