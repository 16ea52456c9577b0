package io.callemu.asr.wire;

/**
 * How {@code resultStatus} is spelled in TranscriptionData: the docs and the JS SDK test use "Final",
 * the Java SDK test and enum use "final" (which casing the live service sends is unverified).
 */
public enum ResultStatusCasing {
    /** {@code Final} / {@code Intermediate} (the default). */
    CAPITALIZED("Final", "Intermediate"),
    /** {@code final} / {@code intermediate}. */
    LOWER_CASE("final", "intermediate");

    private final String finalValue;
    private final String intermediateValue;

    ResultStatusCasing(String finalValue, String intermediateValue) {
        this.finalValue = finalValue;
        this.intermediateValue = intermediateValue;
    }

    String value(boolean isFinal) {
        return isFinal ? finalValue : intermediateValue;
    }

    /** Parses the fidelity switch value ({@code Final} or {@code final}). */
    public static ResultStatusCasing parse(String value) {
        if ("Final".equals(value)) {
            return CAPITALIZED;
        }
        if ("final".equals(value)) {
            return LOWER_CASE;
        }
        throw new IllegalArgumentException("resultStatus casing must be 'Final' or 'final', was '" + value + "'");
    }
}
