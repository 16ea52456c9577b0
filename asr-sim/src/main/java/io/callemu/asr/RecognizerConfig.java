package io.callemu.asr;

import io.callemu.asr.text.ProfanityFilter;
import io.callemu.asr.text.ProfanityMode;
import io.callemu.asr.vad.VadSettings;
import java.util.Set;

/**
 * How a {@link StreamingRecognizer} behaves; build with {@link #builder()}. Every duration is in
 * milliseconds of stream time. Defaults follow the Speech service: 5 s initial silence for a single
 * shot, 500 ms segmentation silence, 15 s per utterance, a hypothesis about every 300 ms.
 *
 * <p>ACS mapping: {@code initialSilenceTimeoutInSeconds} × 1000 → {@link Builder#initialSilenceTimeoutMs},
 * {@code speechOptions.endSilenceTimeoutInMs} → {@link Builder#endSilenceTimeoutMs} (ACS documents 0.5 s
 * as the default for both its end silence and its segmentation silence), and the initial silence
 * counting only after the prompt → {@link Builder#initialSilenceTimerDeferred}.
 *
 * <p>{@link #vad()} and {@link #defaultSpeakerRawId()} describe the input, not the recognition: only a
 * {@link StreamingRecognizer} uses them, for the {@link SpeakerStream} it makes for itself.
 */
public final class RecognizerConfig {

    public static final int DEFAULT_INITIAL_SILENCE_MS = 5_000;
    public static final int DEFAULT_CONTINUOUS_INITIAL_SILENCE_MS = 15_000;
    public static final int DEFAULT_SEGMENTATION_SILENCE_MS = 500;
    public static final int MIN_SEGMENTATION_SILENCE_MS = 100;
    public static final int MAX_SEGMENTATION_SILENCE_MS = 5_000;
    public static final int DEFAULT_MAX_PHRASE_MS = 15_000;
    public static final int DEFAULT_HYPOTHESIS_INTERVAL_MS = 300;
    /** The longest end silence a single shot takes (ACS accepts up to a minute). */
    public static final int MAX_END_SILENCE_MS = 60_000;

    private final String locale;
    private final boolean continuous;
    private final int initialSilenceTimeoutMs;
    private final int babbleTimeoutMs;
    private final int segmentationSilenceTimeoutMs;
    private final Integer endSilenceTimeoutMs;
    private final boolean initialSilenceTimerDeferred;
    private final boolean hypotheses;
    private final int maxPhraseMs;
    private final int hypothesisIntervalMs;
    private final ProfanityFilter profanity;
    private final long seed;
    private final String defaultSpeakerRawId;
    private final VadSettings vad;

    private RecognizerConfig(Builder b) {
        this.locale = Locales.requireSupported(b.locale);
        this.continuous = b.continuous;
        this.initialSilenceTimeoutMs = b.initialSilenceTimeoutMs != null ? b.initialSilenceTimeoutMs
                : continuous ? DEFAULT_CONTINUOUS_INITIAL_SILENCE_MS : DEFAULT_INITIAL_SILENCE_MS;
        this.babbleTimeoutMs = b.babbleTimeoutMs != null ? b.babbleTimeoutMs : initialSilenceTimeoutMs;
        this.segmentationSilenceTimeoutMs = b.segmentationSilenceTimeoutMs;
        this.endSilenceTimeoutMs = b.endSilenceTimeoutMs;
        this.initialSilenceTimerDeferred = b.initialSilenceTimerDeferred;
        this.hypotheses = b.hypotheses;
        this.maxPhraseMs = b.maxPhraseMs;
        this.hypothesisIntervalMs = b.hypothesisIntervalMs;
        this.profanity = new ProfanityFilter(b.profanityLexicon, b.profanityMode);
        this.seed = b.seed;
        this.defaultSpeakerRawId = b.defaultSpeakerRawId;
        this.vad = b.vad;
        requireAtLeast("initialSilenceTimeoutMs", initialSilenceTimeoutMs, 0);
        requireAtLeast("babbleTimeoutMs", babbleTimeoutMs, 0);
        requireAtLeast("maxPhraseMs", maxPhraseMs, 1);
        requireAtLeast("hypothesisIntervalMs", hypothesisIntervalMs, 1);
        if (segmentationSilenceTimeoutMs < MIN_SEGMENTATION_SILENCE_MS
                || segmentationSilenceTimeoutMs > MAX_SEGMENTATION_SILENCE_MS) {
            throw new IllegalArgumentException("segmentationSilenceTimeoutMs must be within "
                    + MIN_SEGMENTATION_SILENCE_MS + ".." + MAX_SEGMENTATION_SILENCE_MS + ", was "
                    + segmentationSilenceTimeoutMs);
        }
        if (endSilenceTimeoutMs != null) {
            if (continuous) {
                throw new IllegalArgumentException("endSilenceTimeoutMs is for single-shot recognition; continuous recognition"
                        + " ends phrases after segmentationSilenceTimeoutMs");
            }
            if (endSilenceTimeoutMs < 0 || endSilenceTimeoutMs > MAX_END_SILENCE_MS) {
                throw new IllegalArgumentException("endSilenceTimeoutMs must be within 0.." + MAX_END_SILENCE_MS + ", was "
                        + endSilenceTimeoutMs);
            }
        }
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A single-shot en-US recognizer with every default. */
    public static RecognizerConfig defaults() {
        return builder().build();
    }

    public String locale() {
        return locale;
    }

    /** Continuous (transcription) rather than single shot (Recognize, REST): phrases keep coming and timers re-arm. */
    public boolean continuous() {
        return continuous;
    }

    public int initialSilenceTimeoutMs() {
        return initialSilenceTimeoutMs;
    }

    public int babbleTimeoutMs() {
        return babbleTimeoutMs;
    }

    public int segmentationSilenceTimeoutMs() {
        return segmentationSilenceTimeoutMs;
    }

    /** The silence after speech that makes a phrase final: the end silence when set, else the segmentation silence. */
    public int endSilenceTimeoutMs() {
        return endSilenceTimeoutMs != null ? endSilenceTimeoutMs : segmentationSilenceTimeoutMs;
    }

    /** Whether the initial-silence and babble timers wait for {@link Recognition#startInitialSilenceTimer}. */
    public boolean initialSilenceTimerDeferred() {
        return initialSilenceTimerDeferred;
    }

    /** Whether intermediate hypotheses are produced. */
    public boolean hypotheses() {
        return hypotheses;
    }

    public int maxPhraseMs() {
        return maxPhraseMs;
    }

    public int hypothesisIntervalMs() {
        return hypothesisIntervalMs;
    }

    public ProfanityFilter profanity() {
        return profanity;
    }

    public long seed() {
        return seed;
    }

    public String defaultSpeakerRawId() {
        return defaultSpeakerRawId;
    }

    public VadSettings vad() {
        return vad;
    }

    /** Collects settings; {@link #build()} validates them all. */
    public static final class Builder {
        private String locale = "en-US";
        private boolean continuous;
        private Integer initialSilenceTimeoutMs;
        private Integer babbleTimeoutMs;
        private int segmentationSilenceTimeoutMs = DEFAULT_SEGMENTATION_SILENCE_MS;
        private Integer endSilenceTimeoutMs;
        private boolean initialSilenceTimerDeferred;
        private boolean hypotheses = true;
        private int maxPhraseMs = DEFAULT_MAX_PHRASE_MS;
        private int hypothesisIntervalMs = DEFAULT_HYPOTHESIS_INTERVAL_MS;
        private ProfanityMode profanityMode = ProfanityMode.MASKED;
        private Set<String> profanityLexicon = ProfanityFilter.DEFAULT_LEXICON;
        private long seed;
        private String defaultSpeakerRawId;
        private VadSettings vad = VadSettings.DEFAULT;

        private Builder() {
        }

        /** A BCP-47 tag with region from {@link Locales#SUPPORTED}. */
        public Builder locale(String locale) {
            this.locale = locale;
            return this;
        }

        public Builder continuous(boolean continuous) {
            this.continuous = continuous;
            return this;
        }

        /** Silence allowed before speech starts; 0 disables. Default 5000 single shot, 15000 continuous. */
        public Builder initialSilenceTimeoutMs(int ms) {
            this.initialSilenceTimeoutMs = ms;
            return this;
        }

        /** Noise without speech allowed before a BabbleTimeout; 0 disables. Default: the initial silence timeout. */
        public Builder babbleTimeoutMs(int ms) {
            this.babbleTimeoutMs = ms;
            return this;
        }

        /** Silence that ends a phrase (100..5000, default 500). */
        public Builder segmentationSilenceTimeoutMs(int ms) {
            this.segmentationSilenceTimeoutMs = ms;
            return this;
        }

        /**
         * Single shot only: the silence after speech that makes the phrase final, 0..60000 (ACS
         * {@code endSilenceTimeoutInMs}); without it the segmentation silence does, within the Speech
         * SDK's 100..5000.
         */
        public Builder endSilenceTimeoutMs(int ms) {
            this.endSilenceTimeoutMs = ms;
            return this;
        }

        /**
         * The initial-silence and babble timers start only when {@link Recognition#startInitialSilenceTimer}
         * is called (ACS starts them after the prompt has played); speech before that is still heard.
         */
        public Builder initialSilenceTimerDeferred(boolean deferred) {
            this.initialSilenceTimerDeferred = deferred;
            return this;
        }

        /** Whether to produce intermediate hypotheses (default true); without them a recognition costs less. */
        public Builder hypotheses(boolean enabled) {
            this.hypotheses = enabled;
            return this;
        }

        /** Longest phrase before a forced final (default 15000). */
        public Builder maxPhraseMs(int ms) {
            this.maxPhraseMs = ms;
            return this;
        }

        public Builder hypothesisIntervalMs(int ms) {
            this.hypothesisIntervalMs = ms;
            return this;
        }

        public Builder profanity(ProfanityMode mode) {
            this.profanityMode = mode;
            return this;
        }

        /** The words the profanity option acts on (whole words, any case). */
        public Builder profanityLexicon(Set<String> words) {
            this.profanityLexicon = Set.copyOf(words);
            return this;
        }

        /** Seeds the generated confidences and alternatives: same input and seed, same output. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The speaker of audio and utterances that name none. */
        public Builder defaultSpeakerRawId(String rawId) {
            this.defaultSpeakerRawId = rawId;
            return this;
        }

        public Builder vad(VadSettings vad) {
            this.vad = vad;
            return this;
        }

        public RecognizerConfig build() {
            return new RecognizerConfig(this);
        }
    }
}
