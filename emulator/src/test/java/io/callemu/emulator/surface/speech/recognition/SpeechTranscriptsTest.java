package io.callemu.emulator.surface.speech.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeechTranscriptsTest {

  private final SpeechTranscripts transcripts = new SpeechTranscripts();

  @Test
  void queuedTranscriptsAreTakenInOrderAndHashedOnesStay() {
    String hash = "AB".repeat(32);
    transcripts.add(new Transcript("first", null));
    transcripts.add(new Transcript("by hash", hash));
    transcripts.add(new Transcript("second", null));
    assertThat(transcripts.hasHashed()).isTrue();
    assertThat(transcripts.nextQueued()).isEqualTo("first");
    assertThat(transcripts.forHash(hash.toLowerCase())).isEqualTo("by hash");
    assertThat(transcripts.forHash(hash.toLowerCase())).isEqualTo("by hash");
    assertThat(transcripts.nextQueued()).isEqualTo("second");
    assertThat(transcripts.nextQueued()).isNull();
    transcripts.add(new Transcript("replaced", hash));
    assertThat(transcripts.list()).containsExactly(new Transcript("replaced", hash.toLowerCase()));
    transcripts.clear();
    assertThat(transcripts.hasHashed()).isFalse();
  }

  @Test
  void badTranscriptsAreRefused() {
    assertThatThrownBy(() -> new Transcript(null, null)).hasMessageContaining("text is required");
    assertThatThrownBy(() -> new Transcript("x", "abc")).hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> new Transcript("x".repeat(Transcript.MAX_TEXT_LENGTH + 1), null))
        .hasMessageContaining("longer than");
  }

  @Test
  void theRegistryIsBoundedAndAListThatDoesNotFitChangesNothing() {
    List<Transcript> many = new ArrayList<>();
    for (int i = 0; i < SpeechTranscripts.MAX_ENTRIES; i++) {
      many.add(new Transcript("t" + i, null));
    }
    transcripts.addAll(many);
    assertThatThrownBy(() -> transcripts.addAll(List.of(new Transcript("a", "0".repeat(64)), new Transcript("b", null))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(transcripts.hasHashed()).isFalse();
    assertThat(transcripts.list()).hasSize(SpeechTranscripts.MAX_ENTRIES);
  }
}
