package io.callemu.asr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The words waiting to be recognised. Timed words (scripted utterances, transcripts aligned to a whole
 * clip) belong to the phrase that spans their midpoint. An untimed transcript (beside raw frames whose
 * end is unknown) belongs wholly to the next phrase that ends without timed words, spread over its speech.
 */
final class WordQueue {

    private record Transcript(List<String> words, WordSource source) {
    }

    private final ArrayDeque<SpokenWord> timed = new ArrayDeque<>();
    private final ArrayDeque<Transcript> untimed = new ArrayDeque<>();

    /** Words in stream order, after every timed word already queued. */
    void addTimed(List<SpokenWord> words) {
        if (!words.isEmpty() && !timed.isEmpty() && words.get(0).startTicks() < timed.peekLast().endTicks()) {
            throw new IllegalArgumentException("speech at " + words.get(0).startTicks() / Ticks.PER_MILLISECOND
                    + " ms overlaps speech already on the timeline until "
                    + timed.peekLast().endTicks() / Ticks.PER_MILLISECOND + " ms");
        }
        timed.addAll(words);
    }

    void addUntimed(List<String> words, WordSource source) {
        if (!words.isEmpty()) {
            untimed.add(new Transcript(List.copyOf(words), source));
        }
    }

    /** The words heard between the phrase start and {@code atTicks}; consumes nothing. Allocates only when there are words. */
    List<SpokenWord> heardBy(long phraseStartTicks, long atTicks) {
        List<SpokenWord> out = List.of();
        for (SpokenWord w : timed) {
            if (w.midTicks() > atTicks) {
                break;
            }
            if (w.endTicks() > phraseStartTicks) {
                out = appendTo(out, w);
            }
        }
        if (out.isEmpty() && !untimed.isEmpty()) {
            // not placed yet: assume a natural pace from the phrase start
            Transcript t = untimed.peek();
            long at = phraseStartTicks;
            for (String w : t.words()) {
                long end = at + Ticks.fromMillis(SpeakingRate.millis(w));
                if (end > atTicks) {
                    break;
                }
                out = appendTo(out, new SpokenWord(w, at, end, t.source()));
                at = end;
            }
        }
        return out;
    }

    /** Takes the words of a phrase that spoke from {@code startTicks} to {@code speechEndTicks}. */
    List<SpokenWord> takePhrase(long startTicks, long speechEndTicks) {
        List<SpokenWord> out = new ArrayList<>();
        while (!timed.isEmpty() && timed.peek().midTicks() <= speechEndTicks) {
            SpokenWord w = timed.poll();
            if (w.endTicks() > startTicks) {
                out.add(w); // words wholly before the phrase were said in speech that was never a phrase
            }
        }
        if (out.isEmpty() && !untimed.isEmpty()) {
            Transcript t = untimed.poll();
            return SpeakingRate.spread(t.words(), startTicks, Math.max(speechEndTicks, startTicks + 1), t.source());
        }
        return out;
    }

    private static List<SpokenWord> appendTo(List<SpokenWord> list, SpokenWord w) {
        List<SpokenWord> out = list.isEmpty() ? new ArrayList<>() : list;
        out.add(w);
        return out;
    }
}
