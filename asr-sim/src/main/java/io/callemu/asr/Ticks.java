package io.callemu.asr;

/** Speech offsets and durations are 100-nanosecond ticks: 10 000 per millisecond. */
public final class Ticks {

    public static final long PER_MILLISECOND = 10_000L;

    private Ticks() {
    }

    public static long fromMillis(long millis) {
        return millis * PER_MILLISECOND;
    }
}
