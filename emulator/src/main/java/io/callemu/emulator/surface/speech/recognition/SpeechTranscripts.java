package io.callemu.emulator.surface.speech.recognition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transcripts of CONTRACT section 7: those with a {@code pcmSha256} answer audio whose samples hash
 * to it (every time); the others form a queue, one text per utterance in the order utterances are
 * detected. Bounded; used on the emulator's context only.
 */
public final class SpeechTranscripts {

  /** Most transcripts of each kind held at once. */
  public static final int MAX_ENTRIES = 10_000;

  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private final Map<String, String> byHash = new LinkedHashMap<>();

  /** Registers one transcript; one for a hash already registered replaces it. */
  public void add(Transcript t) {
    addAll(List.of(t));
  }

  /** Registers several, all or none (a scenario's list). */
  public void addAll(List<Transcript> transcripts) {
    checkRoomFor(transcripts);
    for (Transcript t : transcripts) {
      if (t.pcmSha256() == null) {
        queue.addLast(t.text());
      } else {
        byHash.put(t.pcmSha256(), t.text());
      }
    }
  }

  /**
   * Checks that {@link #addAll} would take these.
   *
   * @throws IllegalArgumentException when the queue or the hashes would be fuller than {@link #MAX_ENTRIES}
   */
  public void checkRoomFor(List<Transcript> transcripts) {
    int queued = 0;
    int hashed = 0;
    for (Transcript t : transcripts) {
      if (t.pcmSha256() == null) {
        queued++;
      } else if (!byHash.containsKey(t.pcmSha256())) {
        hashed++;
      }
    }
    if (queue.size() + queued > MAX_ENTRIES || byHash.size() + hashed > MAX_ENTRIES) {
      throw new IllegalArgumentException("callemu holds at most " + MAX_ENTRIES + " queued and " + MAX_ENTRIES
          + " hashed transcripts; DELETE /_emulator/speech/transcripts first");
    }
  }

  /** The text of the next utterance, taken off the queue, or null when the queue is empty. */
  public String nextQueued() {
    return queue.pollFirst();
  }

  /** The text registered for audio with this hash, or null. */
  public String forHash(String pcmSha256) {
    return byHash.get(pcmSha256);
  }

  /** Whether any transcript is registered by hash (recognition must then wait for the audio's end). */
  public boolean hasHashed() {
    return !byHash.isEmpty();
  }

  public void clear() {
    queue.clear();
    byHash.clear();
  }

  /** The queue in order, then the hashed ones. */
  public List<Transcript> list() {
    List<Transcript> out = new ArrayList<>(queue.size() + byHash.size());
    queue.forEach(text -> out.add(new Transcript(text, null)));
    byHash.forEach((hash, text) -> out.add(new Transcript(text, hash)));
    return out;
  }
}
