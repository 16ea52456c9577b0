package io.callemu.emulator.surface.control.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.core.event.DomainEvent;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.party.PhoneNumber;
import io.callemu.emulator.platform.journal.CallbackEntry;
import io.callemu.emulator.platform.journal.DetailEntry;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.platform.journal.JournalEntry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event types and journal kinds the console has no wording for still show, from their own fields. */
class TimelineItemsTest {

  /** An event type a later feature might add. */
  public record RecordingPaused(String callId, PhoneNumber by, List<String> channels, Outcome outcome)
      implements DomainEvent {
  }

  private final TimelineItems items = new TimelineItems();

  @Test
  void anUnknownDomainEventShowsItsTypeAndRecordComponentsAndBelongsToItsCall() {
    RecordingPaused event = new RecordingPaused("c7", PhoneNumber.of("+15550001111"), List.of("mixed", "unmixed"),
        Outcome.RECOGNIZE_STOP_TONE);
    assertThat(TimelineItems.callIdOf(event)).isEqualTo("c7");
    JsonObject item = items.render(new Happening(3, "c7", 1_000, event));
    assertThat(item.getString("key")).isEqualTo("h3");
    assertThat(item.getString("source")).isEqualTo("event");
    assertThat(item.getString("type")).isEqualTo("RecordingPaused");
    assertThat(fields(item)).contains("callId=c7", "by=+15550001111", "channels=mixed, unmixed",
        "outcome=recognize.stopToneDetected");
    assertThat(item.getString("summary")).startsWith("200/8514");
    assertThat(item.getString("status")).isEqualTo("ok");
    assertThat(item.getString("time")).isEqualTo("1970-01-01T00:00:01Z");
  }

  @Test
  void anUnknownJournalKindShowsItsFieldsFlattenedAndTheEntryItself() {
    Journal journal = new Journal(() -> 10, () -> 5);
    DetailEntry entry = journal.record(new DetailEntry(JournalEntry.Kind.WEBSOCKET, "c1", "TranscriptionData",
        new JsonObject().put("url", "wss://app/ws").put("frame", new JsonObject().put("kind", "TranscriptionData")
            .put("transcriptionData", new JsonObject().put("text", "hello there").put("words", new JsonArray()
                .add("hello").add("there"))))));
    JsonObject item = items.render(new Happening(1, "c1", 5, entry));
    assertThat(item.getString("source")).isEqualTo("websocket");
    assertThat(item.getString("type")).isEqualTo("TranscriptionData");
    assertThat(fields(item)).contains("url=wss://app/ws", "frame.transcriptionData.text=hello there",
        "frame.transcriptionData.words=hello, there");
    assertThat(fields(item)).noneMatch(f -> f.startsWith("seq=") || f.startsWith("wallNanos="));
    assertThat(item.getLong("journalSeq")).isEqualTo(entry.seq());
    assertThat(item.getJsonObject("detail").getString("kind")).isEqualTo("websocket");
  }

  @Test
  void aCallbackShowsItsResultItsDeliveryAndTheEventsOwnFieldsWithoutTheIds() {
    Journal journal = new Journal(() -> 10, () -> 5);
    JsonObject event = new JsonObject().put("type", "Microsoft.Communication.RecognizeFailed").put("data",
        new JsonObject().put("callConnectionId", "c1").put("operationContext", "pin")
            .put("resultInformation", new JsonObject().put("code", 400).put("subCode", 8510)
                .put("message", "Action failed, initial silence timeout reached.")));
    CallbackEntry entry = journal.record(new CallbackEntry("c1", "RecognizeFailed", "http://app/cb", event));
    entry.attempted(new CallbackEntry.Attempt(1, 5, 0, 0, 2.5, 500, null), CallbackEntry.State.PENDING);
    entry.attempted(new CallbackEntry.Attempt(2, 6, 0, 0, 1.25, null, "Connection refused"),
        CallbackEntry.State.UNDELIVERED);
    JsonObject item = items.render(new Happening(2, "c1", 5, entry));
    assertThat(item.getString("source")).isEqualTo("callback");
    assertThat(item.getString("summary")).isEqualTo("400/8510 Action failed, initial silence timeout reached.");
    assertThat(item.getString("status")).isEqualTo("failed");
    assertThat(fields(item)).containsSubsequence("delivery=undelivered after 2 attempts", "attempt 1=HTTP 500 (2.5 ms)",
        "attempt 2=no answer: Connection refused (1.3 ms)", "operationContext=pin", "url=http://app/cb");
    assertThat(fields(item)).noneMatch(f -> f.startsWith("callConnectionId=") || f.startsWith("resultInformation"));
  }

  private static List<String> fields(JsonObject item) {
    List<String> out = new ArrayList<>();
    item.getJsonArray("fields").forEach(f -> out.add(((JsonArray) f).getString(0) + "=" + ((JsonArray) f).getString(1)));
    return out;
  }
}
