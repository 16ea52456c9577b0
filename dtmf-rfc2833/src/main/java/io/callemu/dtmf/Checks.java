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

    static long requireUnsigned32(String name, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " must be an unsigned 32-bit value, was " + value);
        }
        return value;
    }
}
