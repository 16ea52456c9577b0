package io.callemu.dtmf;

/** Argument checks shared by the builders. */
final class Checks {
    private Checks() {
    }

    static int requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + "-" + max + ", was " + value);
        }
        return value;
    }

    /** RTP payload types are 7 bits; telephone-event gets a dynamic one from SDP. */
    static int requirePayloadType(int payloadType) {
        return requireRange("payloadType", payloadType, 0, 127);
    }

    /** Up to the highest audio clock in use (192 kHz). */
    static int requireClockRate(int clockRate) {
        return requireRange("clockRate", clockRate, 1, 192_000);
    }

    static long requireUnsigned32(String name, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " must be an unsigned 32-bit value, was " + value);
        }
        return value;
    }
}
