package io.callemu.asr;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event a recognizer emits, in order, with a one-line description for order assertions. */
public final class RecordingListener implements RecognitionListener {

    public final List<String> events = new ArrayList<>();
    public final List<Hypothesis> hypotheses = new ArrayList<>();
    public final List<RecognitionResult> results = new ArrayList<>();
    public final List<Long> starts = new ArrayList<>();
    public final List<Long> ends = new ArrayList<>();

    @Override
    public void speechStarted(long offsetTicks) {
        starts.add(offsetTicks);
        events.add("start@" + offsetTicks / Ticks.PER_MILLISECOND);
    }

    @Override
    public void hypothesis(Hypothesis h) {
        hypotheses.add(h);
        events.add("hyp@" + (h.offsetTicks() + h.durationTicks()) / Ticks.PER_MILLISECOND + ":" + h.text());
    }

    @Override
    public void speechEnded(long offsetTicks) {
        ends.add(offsetTicks);
        events.add("end@" + offsetTicks / Ticks.PER_MILLISECOND);
    }

    @Override
    public void recognized(RecognitionResult r) {
        results.add(r);
        events.add(r.status().wireName() + "@" + r.offsetTicks() / Ticks.PER_MILLISECOND + ":" + r.displayText());
    }

    public RecognitionResult onlyResult() {
        if (results.size() != 1) {
            throw new AssertionError("expected exactly one result, got " + events);
        }
        return results.get(0);
    }
}
