package io.callemu.emulator.surface.acs.transcription;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The frames of one transcription stream waiting for the socket, bounded: when full, the oldest
 * Intermediate frame goes first (a later hypothesis or the final supersedes it); only when none is
 * left does the oldest Final go. Not thread-safe (the emulator's context only).
 */
final class FrameQueue {

  /** One text frame ready for the wire; {@code kind} is TranscriptionMetadata or TranscriptionData. */
  record Frame(String text, String kind, boolean intermediate) {
  }

  private final ArrayDeque<Frame> frames = new ArrayDeque<>();
  private long droppedIntermediate;
  private long droppedFinal;

  /**
   * Adds a frame at the end; when {@code limit} frames already wait, drops one as described above
   * and returns it, else null.
   */
  Frame offer(Frame frame, long limit) {
    Frame dropped = null;
    if (frames.size() >= limit) {
      dropped = dropOne(frame);
      if (dropped == frame) {
        return frame;
      }
    }
    frames.addLast(frame);
    return dropped;
  }

  private Frame dropOne(Frame incoming) {
    for (Iterator<Frame> it = frames.iterator(); it.hasNext();) {
      Frame f = it.next();
      if (f.intermediate()) {
        it.remove();
        droppedIntermediate++;
        return f;
      }
    }
    if (incoming.intermediate()) {
      // Only finals wait: the new hypothesis is the least valuable frame.
      droppedIntermediate++;
      return incoming;
    }
    droppedFinal++;
    return frames.pollFirst();
  }

  Frame peek() {
    return frames.peekFirst();
  }

  Frame poll() {
    return frames.pollFirst();
  }

  int size() {
    return frames.size();
  }

  boolean isEmpty() {
    return frames.isEmpty();
  }

  /** Empties the queue; returns how many frames were waiting. */
  int clear() {
    int n = frames.size();
    frames.clear();
    return n;
  }

  long droppedIntermediate() {
    return droppedIntermediate;
  }

  long droppedFinal() {
    return droppedFinal;
  }
}
