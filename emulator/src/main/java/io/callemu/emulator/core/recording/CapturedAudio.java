package io.callemu.emulator.core.recording;

import java.util.List;

/**
 * What a caller sent in a recording window {@code [startsAt, endsAt)} on the emulated clock: the
 * audio clips and key presses that overlap it; everything else in the window is silence.
 */
public record CapturedAudio(long startsAt, long endsAt, List<AudioClip> clips, List<TonePress> tones) {

  public CapturedAudio {
    clips = List.copyOf(clips);
    tones = List.copyOf(tones);
    if (endsAt < startsAt) {
      throw new IllegalArgumentException("the window ends before it starts");
    }
  }

  public long durationMillis() {
    return endsAt - startsAt;
  }
}
