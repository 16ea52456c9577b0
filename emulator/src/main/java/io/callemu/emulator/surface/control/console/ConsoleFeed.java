package io.callemu.emulator.surface.control.console;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallLifecycle;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.clock.VirtualClock;
import io.callemu.emulator.core.event.DomainEvent;
import io.callemu.emulator.core.event.Notice;
import io.callemu.emulator.core.input.CallerInputListener;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.core.input.ToneInput;
import io.callemu.emulator.core.media.MediaEvent;
import io.callemu.emulator.core.media.MediaService;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.core.transcription.TranscriptionService;
import io.callemu.emulator.platform.journal.JournalEntry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The console's live feed: it watches the core (domain events, each call's caller input, the
 * virtual clock) and the journal, keeps what calls' timelines show in a bounded {@link History},
 * and pushes view models to every open tab — {@code item}s as they happen and each changed call's
 * row ({@code call}) and the {@code clock}, coalesced over {@value #FLUSH_MS} ms so that a burst
 * sends one row per call. A tab starts with a {@code hello} snapshot (the clock and every call).
 * Nothing here changes what an app sees; with no tab open the cost is one history entry per
 * happening. Used on the emulator's context only.
 */
public final class ConsoleFeed implements CallLifecycle {

  /** Tabs reading the feed at once; more are refused (each may hold up to console.tabBufferKiB). */
  public static final int MAX_TABS = 32;
  /** Real ms over which changes are gathered before they are pushed. */
  static final long FLUSH_MS = 50;
  /** Bytes a tab's connection may hold unsent before the feed queues for it instead (then bounded by the setting). */
  static final int CONNECTION_QUEUE_BYTES = 64 * 1024;
  /** Real ms between keep-alive comments on an idle stream. */
  static final long PING_MS = 15_000;
  /** Items a call's timeline answer holds at most (the latest). */
  static final int MAX_TIMELINE_ITEMS = 2_000;

  /** What the feed watches and shows. */
  public record Parts(Vertx vertx, Clock clock, double timeScale, CallService calls, MediaService media,
      TranscriptionService transcriptions, Settings settings) {
  }

  private final Parts parts;
  private final History history;
  private final TimelineItems items = new TimelineItems();
  private final CallRows rows;
  private final List<FeedSubscriber> tabs = new ArrayList<>();
  /** Happenings not pushed yet, by sequence (a journal entry changed twice is pushed once). */
  private final Map<Long, Happening> fresh = new LinkedHashMap<>();
  private final Set<Call> changedCalls = new LinkedHashSet<>();
  private boolean clockChanged;
  private long seq;
  private long messageId;
  private long flushTimer = -1;
  private long pingTimer = -1;

  public ConsoleFeed(Parts parts) {
    this.parts = parts;
    this.history = new History(() -> parts.settings().get(ConsoleSettings.HISTORY));
    this.rows = new CallRows(parts.media(), parts.transcriptions());
    if (parts.clock() instanceof VirtualClock virtual) {
      virtual.onMoved(this::clockMoved);
    }
  }

  // ---- what it watches ----

  /** A domain event (subscribe it to the bus). */
  public void on(DomainEvent event) {
    if (event instanceof Notice) {
      // Journalled as a note: the journal's entry is what the timeline shows.
      return;
    }
    if (event instanceof MediaEvent m && m.outcome() == Outcome.PLAY_STARTED) {
      rows.promptStarted(m.operation().id(), parts.clock().nowMillis());
    }
    String callId = TimelineItems.callIdOf(event);
    happened(callId, event);
    touch(callId == null ? null : parts.calls().find(callId));
  }

  /** A journal entry was recorded or changed (watch the journal with it). */
  public void journalled(JournalEntry entry) {
    Happening known = history.journalled(entry.seq());
    if (known != null) {
      if (!tabs.isEmpty()) {
        fresh.put(known.seq(), known);
        scheduleFlush();
      }
      return;
    }
    happened(entry.callId(), entry);
  }

  @Override
  public void created(Call call) {
    // First, so that a key shows before what it caused (a barge-in, a completed recognize).
    call.input().subscribeFirst(new CallerInputListener() {
      @Override
      public void toneReceived(ToneInput tone) {
        input(call, tone);
      }

      @Override
      public void speechStarted(SpeechStart start) {
        input(call, start);
      }

      @Override
      public void speechEnded(SpeechInput speech) {
        input(call, speech);
      }
    });
    touch(call);
  }

  @Override
  public void ending(Call call) {
    touch(call);
  }

  private void input(Call call, Object what) {
    happened(call.id(), what);
    touch(call);
  }

  private void clockMoved() {
    if (!tabs.isEmpty()) {
      clockChanged = true;
      scheduleFlush();
    }
  }

  /** Keeps a happening of a call for its timeline, and for the tabs' next push. */
  private void happened(String callId, Object subject) {
    Happening h = new Happening(++seq, callId, parts.clock().nowMillis(), subject);
    if (callId != null) {
      history.add(h);
    }
    if (!tabs.isEmpty()) {
      fresh.put(h.seq(), h);
      scheduleFlush();
    }
  }

  private void touch(Call call) {
    if (call != null && !tabs.isEmpty()) {
      changedCalls.add(call);
      scheduleFlush();
    }
  }

  // ---- the tabs ----

  /**
   * Streams the feed to {@code response} (headers already set): first a {@code hello}, then
   * everything as it happens. The caller checked {@link #tabs()} against {@value #MAX_TABS}.
   */
  void subscribe(HttpServerResponse response) {
    FeedSubscriber[] self = new FeedSubscriber[1];
    self[0] = new FeedSubscriber(FeedSink.of(response, CONNECTION_QUEUE_BYTES),
        () -> parts.settings().get(ConsoleSettings.TAB_BUFFER_KIB) * 1024, () -> left(self[0]));
    tabs.add(self[0]);
    self[0].send(FeedMessage.of(++messageId, "hello", hello()));
    if (pingTimer < 0) {
      pingTimer = parts.vertx().setPeriodic(PING_MS, id -> List.copyOf(tabs).forEach(FeedSubscriber::ping));
    }
  }

  private void left(FeedSubscriber tab) {
    tabs.remove(tab);
    if (tabs.isEmpty()) {
      parts.vertx().cancelTimer(pingTimer);
      pingTimer = -1;
      fresh.clear();
      changedCalls.clear();
      clockChanged = false;
    }
  }

  /** Tabs reading now. */
  int tabs() {
    return tabs.size();
  }

  private JsonObject hello() {
    JsonArray calls = new JsonArray();
    parts.calls().all().forEach(c -> calls.add(rows.render(c)));
    return new JsonObject().put("clock", clock()).put("calls", calls);
  }

  /** The emulated clock: mode, now, the time scale and, on the virtual clock, its pending timers. */
  JsonObject clock() {
    Clock c = parts.clock();
    JsonObject o = new JsonObject().put("mode", c.mode().wire()).put("nowMillis", c.nowMillis())
        .put("now", Instant.ofEpochMilli(c.nowMillis()).toString()).put("timeScale", parts.timeScale());
    if (c instanceof VirtualClock v) {
      o.put("pendingTimers", v.pending());
      if (v.nextDueAt() >= 0) {
        o.put("nextDueAt", v.nextDueAt());
      }
    }
    return o;
  }

  private void scheduleFlush() {
    if (flushTimer < 0) {
      flushTimer = parts.vertx().setTimer(FLUSH_MS, id -> {
        flushTimer = -1;
        flush();
      });
    }
  }

  /** Pushes what happened since the last push: items in order, then each changed call's row, then the clock. */
  private void flush() {
    List<FeedMessage> out = new ArrayList<>(fresh.size() + changedCalls.size() + 1);
    fresh.values().forEach(h -> out.add(FeedMessage.of(++messageId, "item", items.render(h))));
    changedCalls.forEach(c -> out.add(FeedMessage.of(++messageId, "call", rows.render(c))));
    if (clockChanged) {
      out.add(FeedMessage.of(++messageId, "clock", clock()));
    }
    fresh.clear();
    changedCalls.clear();
    clockChanged = false;
    for (FeedSubscriber tab : List.copyOf(tabs)) {
      for (FeedMessage m : out) {
        tab.send(m);
      }
    }
  }

  // ---- reading ----

  /** A call's timeline: its row and its latest items, oldest first. */
  JsonObject timeline(Call call) {
    List<Happening> all = history.of(call.id());
    List<Happening> shown = all.size() > MAX_TIMELINE_ITEMS ? all.subList(all.size() - MAX_TIMELINE_ITEMS, all.size())
        : all;
    JsonArray list = new JsonArray();
    shown.forEach(h -> list.add(items.render(h)));
    return new JsonObject().put("call", rows.render(call)).put("items", list)
        .put("truncated", shown.size() < all.size()).put("clock", clock());
  }

  /** Drops everything (control reset); open tabs are told and reconnect to a fresh snapshot. */
  public void reset() {
    history.clear();
    rows.clear();
    fresh.clear();
    changedCalls.clear();
    clockChanged = false;
    for (FeedSubscriber tab : List.copyOf(tabs)) {
      tab.endWith("reset", new JsonObject().put("reason", "POST /_emulator/reset dropped every call"));
    }
  }
}
