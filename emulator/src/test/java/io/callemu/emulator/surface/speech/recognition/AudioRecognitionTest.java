package io.callemu.emulator.surface.speech.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callemu.emulator.surface.speech.SpeechAudio;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioRecognitionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SpeechTranscripts transcripts = new SpeechTranscripts();
  private final List<String> events = new ArrayList<>();
  private final List<SpeechPhrase> phrases = new ArrayList<>();

  private final RecognitionEvents recorder = new RecognitionEvents() {
    @Override
    public void speechStarted(long offsetTicks) {
      events.add("start " + offsetTicks / 10_000);
    }

    @Override
    public void hypothesis(SpeechHypothesis h) {
      events.add("hypothesis " + h.text());
    }

    @Override
    public void speechEnded(long offsetTicks) {
      events.add("end " + offsetTicks / 10_000);
    }

    @Override
    public void phrase(SpeechPhrase p) {
      events.add("phrase " + p.status().wireName() + " " + p.displayText());
      phrases.add(p);
    }
  };

  private static RecognitionSettings settings(SpeechMode mode, OutputFormat format, ProfanityOption profanity,
      Integer segmentationMs) {
    return new RecognitionSettings("en-US", mode, format, false, profanity, null, segmentationMs, true);
  }

  private AudioRecognition recognise(RecognitionSettings settings, byte[] wav, int piece) throws Exception {
    AudioRecognition r = new AudioRecognition(settings, transcripts, 60_000, 0, recorder);
    for (int at = 0; at < wav.length; at += piece) {
      r.feed(wav, at, Math.min(piece, wav.length - at));
    }
    r.end();
    return r;
  }

  @Test
  void anUtteranceGetsTheNextQueuedTranscriptWithHypothesesWhileItStreams() throws Exception {
    transcripts.add(new Transcript("Remind me to buy five pencils", null));
    byte[] wav = SpeechAudio.pcm16k().silence(500).voice(2_000).silence(800).streamingWav();
    AudioRecognition r = recognise(settings(SpeechMode.INTERACTIVE, OutputFormat.SIMPLE, ProfanityOption.MASKED, null),
        wav, 3_200);

    assertThat(events.get(0)).isEqualTo("start 500");
    assertThat(events).filteredOn(e -> e.startsWith("hypothesis")).isNotEmpty().doesNotHaveDuplicates()
        .allSatisfy(h -> assertThat("remind me to buy 5 pencils").startsWith(h.substring("hypothesis ".length())));
    assertThat(events.subList(events.size() - 2, events.size()))
        .containsExactly("end 2500", "phrase Success Remind me to buy 5 pencils.");
    JsonNode body = JSON.readTree(phrases.get(0).body());
    assertThat(body.path("Offset").asLong()).isEqualTo(5_000_000L);
    assertThat(body.path("Duration").asLong()).isEqualTo(20_000_000L);
    assertThat(r.outcomes()).singleElement().satisfies(o -> assertThat(o.source()).isEqualTo(TranscriptSource.QUEUE));
    assertThat(r.pcmSha256()).isEqualTo(SpeechAudio.pcm16k().silence(500).voice(2_000).silence(800).sha256());
    assertThat(transcripts.list()).isEmpty();
  }

  @Test
  void aSingleShotIsFinishedAtItsFirstResultAndIgnoresTheRest() throws Exception {
    transcripts.add(new Transcript("yes", null));
    transcripts.add(new Transcript("no", null));
    byte[] wav = SpeechAudio.pcm16k().silence(300).voice(500).silence(1_000).voice(500).silence(1_000).streamingWav();
    AudioRecognition r = new AudioRecognition(settings(SpeechMode.INTERACTIVE, OutputFormat.SIMPLE,
        ProfanityOption.MASKED, null), transcripts, 60_000, 0, recorder);
    r.feed(wav, 0, 44 + 32 * 1_500);
    assertThat(r.finished()).isTrue();
    r.feed(wav, 44 + 32 * 1_500, wav.length - 44 - 32 * 1_500);
    r.end();
    assertThat(phrases).extracting(SpeechPhrase::displayText).containsExactly("Yes.");
    assertThat(transcripts.list()).extracting(Transcript::text).containsExactly("no");
  }

  @Test
  void continuousModeGivesOnePhrasePerUtteranceAndSegmentationDecidesWhereTheyAre() throws Exception {
    byte[] wav = SpeechAudio.pcm16k().silence(300).voice(700).silence(800).voice(700).silence(1_000).streamingWav();
    transcripts.add(new Transcript("hello there", null));
    transcripts.add(new Transcript("good morning", null));
    recognise(settings(SpeechMode.CONVERSATION, OutputFormat.SIMPLE, ProfanityOption.MASKED, 500), wav, 3_200);
    assertThat(phrases).extracting(SpeechPhrase::displayText).containsExactly("Hello there.", "Good morning.");

    phrases.clear();
    transcripts.clear();
    transcripts.add(new Transcript("hello there good morning", null));
    recognise(settings(SpeechMode.CONVERSATION, OutputFormat.SIMPLE, ProfanityOption.MASKED, 1_500), wav, 3_200);
    assertThat(phrases).extracting(SpeechPhrase::displayText).containsExactly("Hello there good morning.");
  }

  @Test
  void withoutATranscriptAnUtteranceIsANoMatchAndSilenceAnInitialSilenceTimeout() throws Exception {
    recognise(settings(SpeechMode.INTERACTIVE, OutputFormat.DETAILED, ProfanityOption.MASKED, null),
        SpeechAudio.pcm16k().silence(200).voice(600).silence(800).wav(), 4_000);
    assertThat(phrases).extracting(p -> p.status()).containsExactly(PhraseStatus.NO_MATCH);
    assertThat(JSON.readTree(phrases.get(0).body()).has("NBest")).isFalse();

    phrases.clear();
    recognise(settings(SpeechMode.INTERACTIVE, OutputFormat.SIMPLE, ProfanityOption.MASKED, null),
        SpeechAudio.pcm16k().silence(6_000).wav(), 4_000);
    assertThat(phrases).singleElement().satisfies(p -> {
      assertThat(p.status()).isEqualTo(PhraseStatus.INITIAL_SILENCE_TIMEOUT);
      assertThat(p.offsetTicks()).isEqualTo(50_000_000L);
    });
  }

  @Test
  void aTranscriptRegisteredByHashAnswersThatAudioAtItsEndAndIsSharedAmongItsUtterances() throws Exception {
    SpeechAudio audio = SpeechAudio.pcm16k().silence(300).voice(600).silence(900).voice(600).silence(900);
    transcripts.add(new Transcript("Good morning Jennifer", audio.sha256()));
    transcripts.add(new Transcript("queued and unused", null));
    AudioRecognition r = new AudioRecognition(settings(SpeechMode.CONVERSATION, OutputFormat.DETAILED,
        ProfanityOption.MASKED, null), transcripts, 60_000, 0, recorder);
    byte[] wav = audio.streamingWav();
    r.feed(wav, 0, wav.length);
    assertThat(phrases).as("held until the hash is known").isEmpty();
    assertThat(events).contains("start 300");
    r.end();
    assertThat(phrases).extracting(SpeechPhrase::displayText).containsExactly("Good morning.", "Jennifer.");
    assertThat(phrases.get(1).offsetTicks()).isEqualTo(18_000_000L);
    assertThat(JSON.readTree(phrases.get(0).body()).path("NBest").get(0).path("Lexical").asText())
        .isEqualTo("good morning");
    assertThat(r.outcomes()).extracting(RecognitionOutcome::source).containsOnly(TranscriptSource.HASH);
    assertThat(transcripts.list()).hasSize(2);
  }

  @Test
  void otherAudioFallsBackToTheQueueWhenHashesAreRegistered() throws Exception {
    transcripts.add(new Transcript("not this", "a".repeat(64)));
    transcripts.add(new Transcript("yes", null));
    recognise(settings(SpeechMode.INTERACTIVE, OutputFormat.SIMPLE, ProfanityOption.MASKED, null),
        SpeechAudio.pcm16k().silence(300).voice(600).silence(900).wav(), 3_200);
    assertThat(phrases).extracting(SpeechPhrase::displayText).containsExactly("Yes.");
  }

  @Test
  void profanityAloneRemovedIsANoMatchInInteractiveModeAndNothingInConversation() throws Exception {
    byte[] wav = SpeechAudio.pcm16k().silence(300).voice(600).silence(900).wav();
    transcripts.add(new Transcript("damn", null));
    recognise(settings(SpeechMode.INTERACTIVE, OutputFormat.SIMPLE, ProfanityOption.REMOVED, null), wav, 3_200);
    assertThat(phrases).extracting(SpeechPhrase::status).containsExactly(PhraseStatus.NO_MATCH);

    phrases.clear();
    transcripts.add(new Transcript("damn", null));
    AudioRecognition r = recognise(settings(SpeechMode.CONVERSATION, OutputFormat.SIMPLE, ProfanityOption.REMOVED,
        null), wav, 3_200);
    assertThat(phrases).isEmpty();
    assertThat(r.outcomes()).singleElement().satisfies(o -> assertThat(o.withheld()).isTrue());

    transcripts.add(new Transcript("damn it", null));
    recognise(settings(SpeechMode.INTERACTIVE, OutputFormat.SIMPLE, ProfanityOption.MASKED, null), wav, 3_200);
    assertThat(phrases).extracting(SpeechPhrase::displayText).containsExactly("**** it.");
  }

  @Test
  void anUtteranceIsCutAt15SecondsTheServicesLimit() throws Exception {
    transcripts.add(new Transcript("this goes on and on", null));
    recognise(settings(SpeechMode.INTERACTIVE, OutputFormat.SIMPLE, ProfanityOption.MASKED, null),
        SpeechAudio.pcm16k().silence(500).voice(17_000).silence(1_000).streamingWav(), 3_200);
    assertThat(phrases).singleElement().satisfies(p -> {
      assertThat(p.status()).isEqualTo(PhraseStatus.SUCCESS);
      assertThat(p.offsetTicks()).isEqualTo(5_000_000L);
      assertThat(p.durationTicks()).isEqualTo(150_000_000L);
    });
  }

  @Test
  void anArmedErrorEndsRecognitionWithAnErrorResult() throws Exception {
    AudioRecognition r = new AudioRecognition(settings(SpeechMode.CONVERSATION, OutputFormat.SIMPLE,
        ProfanityOption.MASKED, null), transcripts, 60_000, 0, recorder);
    r.fail("fault");
    byte[] wav = SpeechAudio.pcm16k().voice(600).silence(900).wav();
    r.feed(wav, 0, wav.length);
    r.end();
    assertThat(phrases).extracting(SpeechPhrase::status).containsExactly(PhraseStatus.ERROR);
  }

  @Test
  void hypothesesAreLeftOutWhenNotWanted() throws Exception {
    transcripts.add(new Transcript("remind me to buy five pencils", null));
    recognise(new RecognitionSettings("en-US", SpeechMode.DICTATION, OutputFormat.SIMPLE, false,
        ProfanityOption.MASKED, null, null, false), SpeechAudio.pcm16k().silence(300).voice(2_000).silence(900).wav(),
        3_200);
    assertThat(events).noneMatch(e -> e.startsWith("hypothesis"));
    assertThat(phrases).hasSize(1);
  }
}
