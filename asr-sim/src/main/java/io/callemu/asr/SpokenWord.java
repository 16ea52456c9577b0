package io.callemu.asr;

/** A lexical word placed on the stream timeline (ticks), with what it came from. */
record SpokenWord(String text, long startTicks, long endTicks, WordSource source) {

    long midTicks() {
        return (startTicks + endTicks) / 2;
    }

    Word toWord() {
        return new Word(text, startTicks, endTicks - startTicks);
    }
}
