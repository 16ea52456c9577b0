package io.callemu.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records what a decoder reports, as readable lines ("start 5@1000", "end 5@1000 800 END_BIT"), and
 * checks the listener contract on the fly: an end always closes an open press, a start never opens one
 * that is open already.
 */
final class RecordingListener implements ToneListener {
    record Tone(boolean start, long ssrc, DtmfTone tone, long ts, long durationSamples, long durationMillis,
                ToneEndReason endedBy) {
        String line() {
            String name = tone.isKey() ? String.valueOf(tone.key()) : tone.graphName();
            return start ? "start " + name + "@" + ts
                         : "end " + name + "@" + ts + " " + durationSamples + " " + endedBy;
        }
    }

    final List<Tone> tones = new ArrayList<>();
    private final Set<String> open = new HashSet<>();

    @Override
    public void onToneStart(long ssrc, DtmfTone tone, long rtpTimestamp) {
        assertThat(open.add(key(ssrc, tone, rtpTimestamp))).as("press started twice").isTrue();
        tones.add(new Tone(true, ssrc, tone, rtpTimestamp, 0, 0, null));
    }

    @Override
    public void onToneEnd(long ssrc, DtmfTone tone, long rtpTimestamp, long durationSamples, long durationMillis,
                          ToneEndReason endedBy) {
        assertThat(open.remove(key(ssrc, tone, rtpTimestamp))).as("end without an open start").isTrue();
        tones.add(new Tone(false, ssrc, tone, rtpTimestamp, durationSamples, durationMillis, endedBy));
    }

    List<String> lines() {
        return tones.stream().map(Tone::line).toList();
    }

    List<Tone> starts() {
        return tones.stream().filter(Tone::start).toList();
    }

    List<Tone> ends() {
        return tones.stream().filter(t -> !t.start()).toList();
    }

    int openPresses() {
        return open.size();
    }

    private static String key(long ssrc, DtmfTone tone, long ts) {
        return ssrc + "/" + tone + "/" + ts;
    }
}
