package io.callemu.asr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The words a speaker said, on the stream timeline, shared by every recognition of the stream. Timed
 * words (scripted utterances, transcripts aligned to a clip) belong to a phrase when their midpoint
 * lies in its speech. An untimed transcript (beside raw frames, whose end is unknown) waits for the
 * next phrase that ends without timed words; that phrase places it, spread over its speech, and from
 * then on it is timed words like any other, so other recognitions hear the same words. Words nobody
 * can need any more are dropped ({@link #forgetBefore}).
 */
final class WordTimeline {

    /** Untimed transcripts one stream may hold: a bound on what callers can queue. */
    static final int MAX_PENDING_TRANSCRIPTS = 256;

    private record Transcript(List<String> words, WordSource source) {
    }

    /** Timed words in stream order; {@code head} words at the front are forgotten. */
    private final ArrayList<SpokenWord> timed = new ArrayList<>();
    private int head;
    private final ArrayDeque<Transcript> untimed = new ArrayDeque<>();

    /** Words in stream order, after every timed word already placed. */
    void addTimed(List<SpokenWord> words) {
        if (words.isEmpty()) {
            return;
        }
        if (timed.size() > head && words.get(0).startTicks() < timed.get(timed.size() - 1).endTicks()) {
            throw new IllegalArgumentException("speech at " + words.get(0).startTicks() / Ticks.PER_MILLISECOND
                    + " ms overlaps speech already on the timeline until "
                    + timed.get(timed.size() - 1).endTicks() / Ticks.PER_MILLISECOND + " ms");
        }
        timed.addAll(words);
    }

    void addUntimed(List<String> words, WordSource source) {
        if (words.isEmpty()) {
            return;
        }
        if (untimed.size() >= MAX_PENDING_TRANSCRIPTS) {
            throw new IllegalStateException("too many transcripts waiting for speech: at most " + MAX_PENDING_TRANSCRIPTS);
        }
        untimed.add(new Transcript(List.copyOf(words), source));
    }

    /**
     * The words heard from {@code phraseStartTicks} up to {@code atTicks}, after those whose midpoint
     * is at or before {@code takenTicks}; consumes nothing. An untimed transcript not yet placed is
     * assumed to start with the phrase at a natural pace. Allocates only when there are words.
     */
    List<SpokenWord> heardBy(long phraseStartTicks, long atTicks, long takenTicks) {
        List<SpokenWord> out = List.of();
        for (int i = head, n = timed.size(); i < n; i++) {
            SpokenWord w = timed.get(i);
            long mid = w.midTicks();
            if (mid > atTicks) {
                break;
            }
            if (mid > takenTicks && w.endTicks() > phraseStartTicks) {
                out = appendTo(out, w);
            }
        }
        if (out.isEmpty() && !untimed.isEmpty() && !hasTimedWords(phraseStartTicks, atTicks)) {
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

    /**
     * The words of a phrase that spoke from {@code startTicks} to {@code speechEndTicks}, after those
     * whose midpoint is at or before {@code takenTicks}. A phrase without timed words places the next
     * untimed transcript over its speech first.
     */
    List<SpokenWord> phrase(long startTicks, long speechEndTicks, long takenTicks) {
        if (!untimed.isEmpty() && !hasTimedWords(startTicks, speechEndTicks)) {
            Transcript t = untimed.poll();
            insert(SpeakingRate.spread(t.words(), startTicks, Math.max(speechEndTicks, startTicks + 1), t.source()));
        }
        List<SpokenWord> out = new ArrayList<>();
        for (int i = head, n = timed.size(); i < n; i++) {
            SpokenWord w = timed.get(i);
            long mid = w.midTicks();
            if (mid > speechEndTicks) {
                break;
            }
            // words wholly before the phrase were said in speech that was never this recognition's phrase
            if (mid > takenTicks && w.endTicks() > startTicks) {
                out.add(w);
            }
        }
        return out;
    }

    /** Drops timed words that end at or before {@code ticks}: no recognition can hear them any more. */
    void forgetBefore(long ticks) {
        int n = timed.size();
        while (head < n && timed.get(head).endTicks() <= ticks) {
            timed.set(head++, null);
        }
        if (head == n) {
            timed.clear();
            head = 0;
        } else if (head > 64 && head * 2 > n) {
            timed.subList(0, head).clear();
            head = 0;
        }
    }

    /** Timed words still held (for tests of the bound on memory). */
    int size() {
        return timed.size() - head;
    }

    private boolean hasTimedWords(long fromTicks, long toTicks) {
        for (int i = head, n = timed.size(); i < n; i++) {
            SpokenWord w = timed.get(i);
            if (w.startTicks() >= toTicks) {
                return false;
            }
            if (w.endTicks() > fromTicks) {
                return true;
            }
        }
        return false;
    }

    /** Puts placed words where they belong in time: before any later scheduled speech. */
    private void insert(List<SpokenWord> words) {
        int at = timed.size();
        long start = words.get(0).startTicks();
        while (at > head && timed.get(at - 1).startTicks() >= start) {
            at--;
        }
        timed.addAll(at, words);
    }

    private static List<SpokenWord> appendTo(List<SpokenWord> list, SpokenWord w) {
        List<SpokenWord> out = list.isEmpty() ? new ArrayList<>() : list;
        out.add(w);
        return out;
    }
}
