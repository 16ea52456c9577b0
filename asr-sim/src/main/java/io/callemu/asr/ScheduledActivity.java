package io.callemu.asr;

import java.util.ArrayDeque;

/**
 * The speech and noise of scheduled input (scripted utterances and audio clips) on the stream
 * timeline: stretches in stream order that never overlap. Its state at the current time is
 * {@link #state()}; {@link #nextBoundary()} says when it next changes.
 */
final class ScheduledActivity {

    /** Scheduled stretches one stream may hold ahead of its position: a bound on what callers can queue. */
    static final int MAX_STRETCHES = 8192;

    private record Stretch(long startMs, long endMs, Activity activity) {
    }

    private final ArrayDeque<Stretch> pending = new ArrayDeque<>();
    private Stretch current;
    private long endMs;

    /** Where the last scheduled input ends: new input must not start before it. */
    long endMillis() {
        return endMs;
    }

    /** Adds a stretch of speech or noise at or after every stretch already scheduled. */
    void add(long startMs, long stretchEndMs, Activity activity) {
        if (pending.size() >= MAX_STRETCHES) {
            throw new IllegalStateException("too much input scheduled ahead: at most " + MAX_STRETCHES
                    + " stretches of speech and noise may wait");
        }
        pending.add(new Stretch(startMs, stretchEndMs, activity));
    }

    /** Marks the end of an input item (an utterance or a whole clip, silence included). */
    void reserveUntil(long ms) {
        endMs = Math.max(endMs, ms);
    }

    /** The next time the state changes, or {@link Long#MAX_VALUE}. */
    long nextBoundary() {
        if (current != null) {
            return current.endMs();
        }
        Stretch next = pending.peek();
        return next == null ? Long.MAX_VALUE : next.startMs();
    }

    /** Moves to the boundary at {@code atMs} (which must be {@link #nextBoundary()}); returns the state from then on. */
    Activity crossBoundary(long atMs) {
        if (current != null && current.endMs() == atMs) {
            current = null;
        }
        Stretch next = pending.peek();
        if (current == null && next != null && next.startMs() == atMs) {
            current = pending.poll();
        }
        return state();
    }

    Activity state() {
        return current == null ? Activity.SILENCE : current.activity();
    }
}
