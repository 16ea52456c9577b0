package io.callemu.emulator.surface.speech.recognition;

import java.util.ArrayList;
import java.util.List;

/**
 * Recognises one WAV stream as it arrives (a REST body, or the audio of one WebSocket turn): bytes in,
 * {@link RecognitionEvents} out, with the words of each utterance taken from the registered transcripts.
 *
 * <p>Voice activity decides where utterances are. The words of an utterance are the next queued
 * transcript, taken when the utterance starts, so hypotheses and the final result carry them while the
 * audio still streams; a hypothesis that adds nothing to the previous one is not given. When
 * transcripts are registered by hash, the hash of the stream decides first,
 * and it is known only at the end: the final results then wait for the end of the audio (speech start
 * and end are still reported as they happen), and a hash match shares its text among the utterances.
 *
 * <p>In conversation and dictation modes an utterance that was only profanity, with profanity removed,
 * gives no result at all; in interactive mode it is a NoMatch (reference: the seed's "Profanity-only
 * utterances"). Single-threaded; memory stays bounded whatever the length of the audio.
 */
public final class AudioRecognition {

  private final RecognitionSettings settings;
  private final SpeechTranscripts transcripts;
  private final RecognitionEvents out;
  private final AsrSimRecognizer recognizer;
  private final WavStreamDecoder decoder;
  private final boolean byHash;
  private final List<SpeechPhrase> held = new ArrayList<>();
  private final List<RecognitionOutcome> outcomes = new ArrayList<>();
  private String utteranceText;
  private String lastHypothesis;
  private boolean ended;

  /**
   * @param maxAudioMillis the longest audio accepted; more is a {@link BadAudioException.Problem#TOO_LONG}
   * @param seed           seeds the generated confidences and alternatives (same audio and seed, same results)
   */
  public AudioRecognition(RecognitionSettings settings, SpeechTranscripts transcripts, long maxAudioMillis, long seed,
      RecognitionEvents out) {
    this.settings = settings;
    this.transcripts = transcripts;
    this.out = out;
    this.byHash = transcripts.hasHashed();
    this.recognizer = new AsrSimRecognizer(settings, seed, new Heard());
    this.decoder = new WavStreamDecoder(this::frame, maxAudioMillis);
  }

  /** The next piece of the stream. */
  public void feed(byte[] bytes, int offset, int length) throws BadAudioException {
    decoder.feed(bytes, offset, length);
  }

  /** The recognizer fails now (an armed fault): an Error result, then nothing more is recognised. */
  public void fail(String details) {
    recognizer.fail(details);
  }

  /**
   * The stream is over: the utterance in progress is final, results waiting for the hash are given.
   *
   * @throws BadAudioException when the stream ended inside its header or short of its declared samples
   */
  public void end() throws BadAudioException {
    if (ended) {
      return;
    }
    ended = true;
    decoder.end();
    recognizer.finish();
    if (byHash) {
      giveHeld();
    }
  }

  /** True once every result there will be was given: a single shot's first, or everything after {@link #end()}. */
  public boolean finished() {
    return ended || (!byHash && !settings.continuous() && recognizer.isDone());
  }

  /** True once the WAV header was read. */
  public boolean inSamples() {
    return decoder.inSamples();
  }

  /** The SHA-256 of the stream's sample bytes (hex) once it has ended, else null. */
  public String pcmSha256() {
    return decoder.pcmSha256();
  }

  /** Audio received so far, in milliseconds. */
  public long audioMillis() {
    return decoder.audioMillis();
  }

  /** Every final result so far, in order, with where its words came from. */
  public List<RecognitionOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  private void frame(short[] samples) {
    if (!recognizer.isDone()) {
      recognizer.push(samples);
    }
  }

  /** Results held for the hash, now that it is known; each utterance gets its words. */
  private void giveHeld() {
    String hashed = transcripts.forHash(decoder.pcmSha256());
    List<String> shared = null;
    if (hashed != null) {
      shared = TranscriptSplit.split(hashed, held.stream().filter(p -> p.status().heardSpeech())
          .mapToLong(SpeechPhrase::durationTicks).toArray());
    }
    int utterance = 0;
    for (SpeechPhrase p : held) {
      if (!p.status().heardSpeech()) {
        give(p, TranscriptSource.NONE, null);
        continue;
      }
      String text = shared != null ? shared.get(utterance++) : transcripts.nextQueued();
      TranscriptSource source = shared != null ? TranscriptSource.HASH : text != null ? TranscriptSource.QUEUE
          : TranscriptSource.NONE;
      give(text == null ? p : recognizer.phraseOf(text, p.offsetTicks(), p.durationTicks()), source, text);
    }
    held.clear();
  }

  private void give(SpeechPhrase p, TranscriptSource source, String text) {
    boolean withheld = settings.continuous() && p.status() == PhraseStatus.NO_MATCH
        && settings.profanity() == ProfanityOption.REMOVED && saysSomething(text);
    outcomes.add(new RecognitionOutcome(p, source, withheld));
    if (!withheld) {
      out.phrase(p);
    }
  }

  private static boolean saysSomething(String text) {
    return text != null && text.chars().anyMatch(Character::isLetterOrDigit);
  }

  /** The recognizer's events: words for each utterance from the queue, results held while the hash is unknown. */
  private final class Heard implements RecognitionEvents {

    @Override
    public void speechStarted(long offsetTicks) {
      lastHypothesis = null;
      if (!byHash) {
        utteranceText = transcripts.nextQueued();
        if (utteranceText != null) {
          recognizer.expect(utteranceText);
        }
      }
      out.speechStarted(offsetTicks);
    }

    @Override
    public void hypothesis(SpeechHypothesis hypothesis) {
      // one every 300 ms of speech, but none that says nothing new (the SDKs raise each as an event)
      if (settings.hypotheses() && !hypothesis.text().equals(lastHypothesis)) {
        lastHypothesis = hypothesis.text();
        out.hypothesis(hypothesis);
      }
    }

    @Override
    public void speechEnded(long offsetTicks) {
      out.speechEnded(offsetTicks);
    }

    @Override
    public void phrase(SpeechPhrase phrase) {
      if (byHash) {
        held.add(phrase);
        return;
      }
      String text = phrase.status().heardSpeech() ? utteranceText : null;
      utteranceText = null;
      give(phrase, text != null ? TranscriptSource.QUEUE : TranscriptSource.NONE, text);
    }
  }
}
