package io.callemu.asr;

/** A lexical word placed on the stream timeline (ticks), with what it came from. */
record SpokenWord(String text, long startTicks, long endTicks, WordSource source) {

    long midTicks() {
        return (startTicks + endTicks) / 2;
    }

    /** The word as a result carries it: its offset counted from {@code originTicks} (the recognition's start). */
    Word toWord(long originTicks) {
        return new Word(text, startTicks - originTicks, endTicks - startTicks);
    }
}
