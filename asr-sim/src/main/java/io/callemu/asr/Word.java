package io.callemu.asr;

/** One recognised word (lexical, lower case) with its offset from the recognition's start and its duration, in 100-ns ticks. */
public record Word(String text, long offsetTicks, long durationTicks) {
}
