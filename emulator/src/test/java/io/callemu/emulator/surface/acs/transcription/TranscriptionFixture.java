package io.callemu.emulator.surface.acs.transcription;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.call.CallSettings;
import io.callemu.emulator.core.call.CallSetup;
import io.callemu.emulator.core.call.Platform;
import io.callemu.emulator.core.call.TranscriptionSetup;
import io.callemu.emulator.core.clock.VirtualClock;
import io.callemu.emulator.core.event.DomainEvents;
import io.callemu.emulator.core.fault.Faults;
import io.callemu.emulator.core.input.RecognizedPhrase;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.core.party.PhoneNumber;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.platform.journal.JournalEntry;
import io.callemu.emulator.surface.acs.AcsEvents;
import io.callemu.emulator.surface.acs.AcsSettings;
import io.callemu.emulator.core.settings.Setting;
import io.callemu.emulator.core.transcription.TranscriptionService;
import io.callemu.emulator.core.transcription.TranscriptionSettings;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The transcription service wired as the emulator wires it (with the ACS transport and event
 * rendering), on one Vert.x context with the virtual clock; rendered callbacks go to a recording sink. Test threads act through {@link #on} (blocking
 * until the context ran it) and move time with {@link #advance}.
 */
final class TranscriptionFixture implements AutoCloseable {

  static final String CALLEE = "4:+15551234567";
  static final long START = 1_700_000_000_000L;

  /** One published event. */
  record Published(String type, JsonObject data, String callbackUri) {
    JsonObject update() {
      return data.getJsonObject("transcriptionUpdate");
    }

    JsonObject result() {
      return data.getJsonObject("resultInformation");
    }
  }

  final Context context;
  final VirtualClock clock;
  final Settings settings = new Settings(CallSettings.ALL, AcsSettings.ALL, TranscriptionStreamSettings.ALL,
      TranscriptionSettings.ALL);
  final Journal journal;
  final Faults faults = new Faults();
  final List<Published> events = new CopyOnWriteArrayList<>();
  final CallService calls;
  final StreamConnector connector;
  final TranscriptionService service;

  TranscriptionFixture(Vertx vertx) {
    this(vertx, null);
  }

  /** @param caPem what wss transport URLs may present besides the system CAs (the data dir's ca.pem) */
  TranscriptionFixture(Vertx vertx, java.nio.file.Path caPem) {
    context = vertx.getOrCreateContext();
    clock = new VirtualClock(context, START);
    journal = new Journal(() -> 100_000, clock::nowMillis);
    DomainEvents bus = new DomainEvents();
    bus.subscribe(new AcsEvents(callback -> {
      synchronized (events) {
        events.add(new Published(callback.type(), callback.journalView().getJsonObject("data"), callback.url()));
        events.notifyAll();
      }
    }, clock, settings)::on);
    calls = new CallService(clock, settings, bus);
    connector = new StreamConnector(vertx, caPem);
    service = new TranscriptionService(clock, settings, faults, calls,
        new AcsTranscriptionTransport(connector, clock, settings, journal, faults));
  }

  /** Runs {@code action} on the emulator's context and returns its value. */
  <T> T on(Supplier<T> action) {
    CompletableFuture<T> done = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        done.complete(action.get());
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    });
    try {
      return done.get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  void run(Runnable action) {
    on(() -> {
      action.run();
      return null;
    });
  }

  void advance(long ms) {
    CompletableFuture<Long> done = new CompletableFuture<>();
    context.runOnContext(v -> clock.advance(ms, Future::succeededFuture).onComplete(ar -> done.complete(ar.result())));
    try {
      done.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  void set(Setting<?> setting, Object value) {
    run(() -> settings.set(setting.key(), String.valueOf(value), "test"));
  }

  /** An outbound call with these transcriptionOptions (and a Cognitive Services endpoint), connected. */
  Call connectedCall(JsonObject transcriptionOptions) {
    TranscriptionSetup transcription = transcriptionOptions == null ? null : new TranscriptionSetup(
        transcriptionOptions.getString("transportUrl"), transcriptionOptions.getString("locale"),
        transcriptionOptions.getString("speechModelEndpointId"),
        transcriptionOptions.getBoolean("startTranscription", false),
        transcriptionOptions.getBoolean("enableIntermediateResults", false));
    CallSetup setup = new CallSetup("http://app.example/cb", null, null, null, null, "https://cs.example",
        transcription, null);
    Call call = on(() -> calls.create(Platform.ACS, null, List.of(PhoneNumber.of("+15551234567")), setup));
    advance(settings.get(CallSettings.RING_MS));
    return call;
  }

  static JsonObject options(String url) {
    return new JsonObject().put("transportType", "websocket").put("locale", "en-US").put("transportUrl", url);
  }

  /**
   * The caller says {@code text} from now for {@code durationMs}: time moves to the end of the
   * speech and the input seam reports the phrase, words spread evenly over it.
   */
  /**
   * The callee says {@code text} (words evenly spread) from now for {@code durationMs}, as a
   * scripted source does: the start carries the planned utterance, the clock moves through the
   * speech, then its end is reported.
   */
  void say(Call call, String text, long durationMs) {
    long start = on(clock::nowMillis);
    String[] words = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9' ]", "").trim().split("\\s+");
    List<RecognizedPhrase.Word> timed = new ArrayList<>();
    long each = durationMs / words.length;
    for (int i = 0; i < words.length; i++) {
      timed.add(new RecognizedPhrase.Word(words[i], i * each, each));
    }
    SpeechInput speech = new SpeechInput(CALLEE, start, start + durationMs,
        new RecognizedPhrase(text, 0.875, "en-US", timed));
    run(() -> call.input().speechStarted(new SpeechStart(CALLEE, start, speech)));
    advance(durationMs);
    run(() -> call.input().speechEnded(speech));
  }

  /** Event types published for the call, in order. */
  List<String> types() {
    return events.stream().map(Published::type).toList();
  }

  Published last(String type) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).type().equals(type)) {
        return events.get(i);
      }
    }
    throw new AssertionError("no " + type + " among " + types());
  }

  /** Journal entries of kind websocket with this type. */
  JsonArray journal(String type) {
    return on(() -> {
      JsonArray out = new JsonArray();
      journal.find(e -> e.kind() == JournalEntry.Kind.WEBSOCKET && type.equals(e.type()))
          .forEach(e -> out.add(e.toJson()));
      return out;
    });
  }

  /** Waits (bounded) until the journal holds an entry matching {@code condition}. */
  JsonObject awaitEntry(java.util.function.Predicate<JsonObject> condition) {
    CompletableFuture<JsonObject> found = new CompletableFuture<>();
    run(() -> journal.await(e -> condition.test(e.toJson()), io.vertx.core.Promise.promise())
        .onSuccess(e -> found.complete(e.toJson())));
    try {
      return found.get(AppWebSocketServer.WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no such journal entry within " + AppWebSocketServer.WAIT_SECONDS + " s", e);
    }
  }

  /** Waits (bounded) until the {@code n}-th event of {@code type} was published (real I/O finishes asynchronously). */
  Published await(String type, int n) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AppWebSocketServer.WAIT_SECONDS);
    synchronized (events) {
      while (true) {
        List<Published> matching = events.stream().filter(p -> p.type().equals(type)).toList();
        if (matching.size() >= n) {
          return matching.get(n - 1);
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new AssertionError("no " + type + " #" + n + " within " + AppWebSocketServer.WAIT_SECONDS
              + " s; got " + types());
        }
        try {
          events.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  Published await(String type) {
    return await(type, 1);
  }

  @Override
  public void close() {
    connector.close();
  }
}
