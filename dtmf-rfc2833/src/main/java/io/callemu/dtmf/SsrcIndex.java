package io.callemu.dtmf;

import java.util.Arrays;

/**
 * A fixed-capacity map from SSRC ({@code int} bits) to a slot number, by open addressing with linear
 * probing and backward-shift deletion: no boxing, no allocation after construction. The table is at
 * least twice as large as the number of entries it may hold, so probes stay short.
 */
final class SsrcIndex {
    private static final int EMPTY = -1;

    private final int[] keys;
    private final int[] slots;
    private final int mask;

    SsrcIndex(int maxEntries) {
        int capacity = Integer.highestOneBit(Math.max(2, maxEntries) * 4 - 1);
        keys = new int[capacity];
        slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        mask = capacity - 1;
    }

    /** The slot of {@code ssrc}, or -1. */
    int get(int ssrc) {
        for (int i = home(ssrc); ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == EMPTY || keys[i] == ssrc) {
                return slot;
            }
        }
    }

    /** Maps an absent {@code ssrc} to {@code slot}; the caller keeps the entry count within bounds. */
    void put(int ssrc, int slot) {
        int i = home(ssrc);
        while (slots[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        keys[i] = ssrc;
        slots[i] = slot;
    }

    /** Removes {@code ssrc} if present, shifting later entries of its probe run back into the hole. */
    void remove(int ssrc) {
        int hole = home(ssrc);
        while (slots[hole] != EMPTY && keys[hole] != ssrc) {
            hole = (hole + 1) & mask;
        }
        if (slots[hole] == EMPTY) {
            return;
        }
        for (int i = (hole + 1) & mask; slots[i] != EMPTY; i = (i + 1) & mask) {
            int home = home(keys[i]);
            // Move entry i into the hole unless its home lies cyclically in (hole, i].
            boolean homeBetween = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
            if (!homeBetween) {
                keys[hole] = keys[i];
                slots[hole] = slots[i];
                hole = i;
            }
        }
        slots[hole] = EMPTY;
    }

    private int home(int ssrc) {
        int h = ssrc * 0x9E3779B9; // Fibonacci hashing: SSRCs are random but tests use small ones
        return (h ^ (h >>> 16)) & mask;
    }
}
