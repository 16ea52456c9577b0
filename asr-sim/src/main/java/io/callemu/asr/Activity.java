package io.callemu.asr;

/** What a speaker's input holds at a moment: nothing, noise that is not speech, or speech. Later constants win when sources overlap. */
enum Activity {
    SILENCE,
    NOISE,
    SPEECH;

    static Activity louder(Activity a, Activity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
