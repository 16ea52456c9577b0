package io.callemu.emulator.surface.control.console;

import io.callemu.emulator.platform.journal.JournalEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The calls' recent happenings, oldest first, at most {@code console.history} of them (the oldest
 * go first): what a tab shows when it opens a call's timeline. Journal entries are found again by
 * their journal sequence, so that a change (a delivery attempt) keeps its place. Used on the
 * emulator's context only.
 */
final class History {

  private final ArrayDeque<Happening> items = new ArrayDeque<>();
  private final Map<Long, Happening> journalled = new HashMap<>();
  private final LongSupplier capacity;

  History(LongSupplier capacity) {
    this.capacity = capacity;
  }

  void add(Happening h) {
    items.addLast(h);
    if (h.subject() instanceof JournalEntry e) {
      journalled.put(e.seq(), h);
    }
    while (items.size() > capacity.getAsLong()) {
      Happening old = items.removeFirst();
      if (old.subject() instanceof JournalEntry e) {
        journalled.remove(e.seq());
      }
    }
  }

  /** The happening that holds the journal entry with this sequence, or null. */
  Happening journalled(long journalSeq) {
    return journalled.get(journalSeq);
  }

  /** A call's happenings, oldest first. */
  List<Happening> of(String callId) {
    List<Happening> out = new ArrayList<>();
    for (Happening h : items) {
      if (callId.equals(h.callId())) {
        out.add(h);
      }
    }
    return out;
  }

  void clear() {
    items.clear();
    journalled.clear();
  }
}
