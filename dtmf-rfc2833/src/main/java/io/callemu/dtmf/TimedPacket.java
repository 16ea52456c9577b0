package io.callemu.dtmf;

/**
 * One RTP packet a sender emits and when: {@code sendAtMillis} after the start of the batch it belongs
 * to. The array is owned by the receiver of this record.
 */
public record TimedPacket(long sendAtMillis, byte[] packet) {
}
