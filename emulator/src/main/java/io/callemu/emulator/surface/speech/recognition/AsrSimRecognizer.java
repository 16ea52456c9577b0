package io.callemu.emulator.surface.speech.recognition;

import io.callemu.asr.Hypothesis;
import io.callemu.asr.Locales;
import io.callemu.asr.RecognitionListener;
import io.callemu.asr.RecognitionResult;
import io.callemu.asr.RecognizerConfig;
import io.callemu.asr.StreamingRecognizer;
import io.callemu.asr.Ticks;
import io.callemu.asr.Utterance;
import io.callemu.asr.text.ProfanityMode;
import io.callemu.asr.wire.SpeechResponses;

/**
 * The Speech surface's one door into asr-sim: a {@link StreamingRecognizer} for one audio stream,
 * configured from {@link RecognitionSettings}, whose events come out as {@link RecognitionEvents} with
 * their wire bodies already written by asr-sim's {@link SpeechResponses}. Every other class of the
 * surface knows only these types, so a change of asr-sim's API stops here.
 */
public final class AsrSimRecognizer {

  private final RecognitionSettings settings;
  private final long seed;
  private final StreamingRecognizer recognizer;
  private final StringBuilder sb = new StringBuilder(256);

  /** @throws IllegalArgumentException for settings asr-sim refuses (an unsupported locale) */
  public AsrSimRecognizer(RecognitionSettings settings, long seed, RecognitionEvents events) {
    this.settings = settings;
    this.seed = seed;
    this.recognizer = new StreamingRecognizer(config(settings, seed, settings.initialSilenceTimeoutMs()),
        new Forward(events));
  }

  /**
   * The canonical spelling of a supported recognition locale ({@code en-us} → {@code en-US}).
   *
   * @throws IllegalArgumentException for a missing, region-less or unsupported tag, saying which
   */
  public static String canonicalLocale(String tag) {
    return Locales.requireSupported(tag);
  }

  /** The words of the next utterance that ends, spread over its speech. */
  public void expect(String text) {
    recognizer.expectTranscript(text, null);
  }

  /** 20 ms of 16 kHz mono audio ({@link WavStreamDecoder#FRAME_SAMPLES} samples). */
  public void push(short[] frame) {
    recognizer.pushFrame(frame, 0);
  }

  /** The audio is over: the utterance in progress is final now; a single shot that heard nothing times out. */
  public void finish() {
    recognizer.finish();
  }

  /** The recognizer fails now (an armed fault): an {@link PhraseStatus#ERROR} result, then nothing more. */
  public void fail(String details) {
    recognizer.fail(details);
  }

  /** A single shot has given its result (or {@link #finish()} ran); later audio is ignored. */
  public boolean isDone() {
    return recognizer.isDone();
  }

  /**
   * The final result of an utterance detected earlier in this stream from {@code offsetTicks} for
   * {@code durationTicks}, now that its words are known: {@code text} said over exactly that speech.
   */
  public SpeechPhrase phraseOf(String text, long offsetTicks, long durationTicks) {
    SpeechPhrase[] out = new SpeechPhrase[1];
    StreamingRecognizer scripted = new StreamingRecognizer(config(settings, seed, 0), new RecognitionListener() {
      @Override
      public void recognized(RecognitionResult result) {
        if (out[0] == null) { // a phrase cut at the length limit continues as another; only the first counts
          out[0] = phrase(result);
        }
      }
    });
    long startMs = offsetTicks / Ticks.PER_MILLISECOND;
    long durationMs = Math.max(1, durationTicks / Ticks.PER_MILLISECOND);
    scripted.schedule(new Utterance(text, startMs, durationMs, null, null));
    scripted.advanceTo(startMs + durationMs);
    scripted.finish();
    return out[0];
  }

  private static RecognizerConfig config(RecognitionSettings s, long seed, Integer initialSilenceMs) {
    RecognizerConfig.Builder b = RecognizerConfig.builder()
        .locale(s.locale())
        .continuous(s.continuous())
        .profanity(ProfanityMode.valueOf(s.profanity().name()))
        .seed(seed);
    if (initialSilenceMs != null) {
      b.initialSilenceTimeoutMs(initialSilenceMs);
    }
    if (s.segmentationSilenceMs() != null) {
      b.segmentationSilenceTimeoutMs(s.segmentationSilenceMs());
    }
    return b.build();
  }

  private SpeechPhrase phrase(RecognitionResult r) {
    sb.setLength(0);
    if (settings.format() == OutputFormat.DETAILED) {
      SpeechResponses.appendDetailed(sb, r, settings.wordTimings());
    } else {
      SpeechResponses.appendSimple(sb, r);
    }
    return new SpeechPhrase(PhraseStatus.valueOf(r.status().name()), r.offsetTicks(), r.durationTicks(),
        r.displayText(), sb.toString());
  }

  /** asr-sim's listener, re-spoken in the surface's types. */
  private final class Forward implements RecognitionListener {

    private final RecognitionEvents events;

    Forward(RecognitionEvents events) {
      this.events = events;
    }

    @Override
    public void speechStarted(long offsetTicks) {
      events.speechStarted(offsetTicks);
    }

    @Override
    public void hypothesis(Hypothesis h) {
      sb.setLength(0);
      SpeechResponses.appendHypothesis(sb, h);
      events.hypothesis(new SpeechHypothesis(h.text(), h.offsetTicks(), h.durationTicks(), sb.toString()));
    }

    @Override
    public void speechEnded(long offsetTicks) {
      events.speechEnded(offsetTicks);
    }

    @Override
    public void recognized(RecognitionResult result) {
      events.phrase(phrase(result));
    }
  }
}
