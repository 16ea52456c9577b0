package io.callemu.appbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The journal as callemu writes it, turned into calls, reactions, outcomes and counts. */
class CallTrackerTest {

  static final String ID = "call-1";
  static final String CORRELATION = "corr-1";
  private long seq;

  /** A journal entry at real time {@code ms} (wallNanos in ns). */
  private JsonObject entry(String kind, double ms) {
    return new JsonObject().put("seq", ++seq).put("kind", kind).put("time", "2026-01-01T00:00:00Z")
        .put("wallTime", 1_000L + (long) ms).put("wallNanos", (long) (ms * 1_000_000));
  }

  private JsonObject offer(double ms) {
    JsonObject e = entry("eventgrid", ms).put("type", "Microsoft.Communication.IncomingCall");
    return e.put("event", new JsonObject().put("data", new JsonObject().put("correlationId", CORRELATION)))
        .put("outcome", new JsonObject().put("status", 200));
  }

  private JsonObject request(double ms, String uri, int status) {
    JsonObject e = entry("request", ms).put("method", "POST").put("uri", uri).put("status", status);
    // callemu names the call of answer and createCall; the others are in the URI
    return uri.contains("callConnections:") ? e.put("callConnectionId", ID) : e;
  }

  private JsonObject callback(double ms, String type, int subCode, String outcome, JsonObject... attempts) {
    JsonObject data = new JsonObject().put("correlationId", CORRELATION).put("callConnectionId", ID)
        .put("resultInformation", new JsonObject().put("code", 200).put("subCode", subCode));
    return entry("callback", ms).put("type", type).put("callConnectionId", ID)
        .put("event", new JsonObject().put("data", data)).put("outcome", outcome)
        .put("attempts", new JsonArray(new java.util.ArrayList<>(java.util.List.of((Object[]) attempts))));
  }

  private static JsonObject attempt(double ms, int status, double realMs) {
    return new JsonObject().put("wallNanos", (long) (ms * 1_000_000)).put("wallTime", 1_000L + (long) ms)
        .put("status", status).put("realMs", realMs);
  }

  @Test
  void reactionsRunFromEachDeliveryToTheAppsNextRequestAndSkipInformationalCallbacks() {
    CallTracker t = new CallTracker(1_000);
    CallRecord call = t.start("silent", 0);
    // Read before the offer's answer came back: waits for its correlation id.
    t.accept(offer(0));
    t.offered(call, CORRELATION);
    t.accept(request(12, "/calling/callConnections:answer?api-version=x", 200));
    t.accept(callback(13, "CallConnected", 0, "delivered", attempt(14, 200, 1)));
    t.accept(callback(13.5, "ParticipantsUpdated", 0, "delivered", attempt(15, 200, 1)));
    t.accept(request(19, "/calling/callConnections/" + ID + ":recognize?api-version=x", 202));
    t.accept(callback(5_000, "RecognizeFailed", 8510, "delivered", attempt(5_001, 200, 2)));
    t.accept(request(5_251, "/calling/callConnections/" + ID + ":play?api-version=x", 202));
    t.accept(callback(6_000, "PlayCompleted", 0, "delivered", attempt(6_000, 200, 1)));
    t.accept(request(6_003, "/calling/callConnections/" + ID + ":terminate?api-version=x", 204));
    t.accept(callback(6_004, "CallDisconnected", 7000, "delivered", attempt(6_004, 200, 1)));

    assertThat(call.callConnectionId()).isEqualTo(ID);
    assertThat(call.reactions()).extracting(Reaction::event)
        .containsExactly("IncomingCall", "CallConnected", "RecognizeFailed", "PlayCompleted");
    assertThat(call.reactions().get(0).ms()).isCloseTo(12.0, within(1e-6));
    assertThat(call.reactions().get(1).ms()).isCloseTo(5.0, within(1e-6));  // from CallConnected's delivery, not ParticipantsUpdated
    assertThat(call.reactions().get(2).ms()).isCloseTo(250.0, within(1e-6));
    assertThat(call.outcome()).isEqualTo(Outcome.APP_HUNG_UP);
    assertThat(call.resultCodes()).containsEntry("RecognizeFailed/8510", 1).containsEntry("CallDisconnected/7000", 1);
    assertThat(call.failed()).isFalse();
    assertThat(call.timeline()).extracting(TimelineItem::name).contains("POST :recognize", "POST :answer");
  }

  @Test
  void errorsLateAnswersWrongRequestsAndPendingDeliveriesAreCounted() {
    CallTracker t = new CallTracker(100);
    CallRecord call = t.start("p", 0);
    t.placed(call, ID);
    JsonObject pending = callback(10, "CallConnected", 0, "pending", attempt(11, 500, 3));
    t.accept(pending);
    assertThat(t.oldestPendingSeq()).isEqualTo(pending.getLong("seq"));
    assertThat(t.callbacksOnTheirWay()).isZero(); // one attempt failed: it waits for a retry (time)
    // Read again once the retry got through, slowly.
    pending.put("outcome", "delivered").getJsonArray("attempts").add(attempt(1_011, 200, 150));
    t.accept(request(1_200, "/calling/callConnections/" + ID + ":play?api-version=x", 400));
    t.refresh(pending);
    assertThat(t.oldestPendingSeq()).isEqualTo(-1);
    assertThat(call.callbackErrors()).isEqualTo(1);
    assertThat(call.lateCallbacks()).isEqualTo(1);
    assertThat(call.wrongRequests()).isEqualTo(1);
    assertThat(call.failed()).isTrue();
    assertThat(call.reactions()).singleElement().satisfies(r -> assertThat(r.ms()).isCloseTo(189.0, within(1e-6)));
  }

  @Test
  void gapsInTheSequenceAreLostEntriesAndUnknownCallsWait() {
    CallTracker t = new CallTracker(1_000);
    t.accept(request(1, "/calling/callConnections/other:play?api-version=x", 202));
    seq += 5;
    t.accept(request(2, "/calling/callConnections/other:play?api-version=x", 404));
    assertThat(t.lostEntries()).isEqualTo(5);
    assertThat(t.unknownConnections()).containsExactly("other");
    CallRecord call = t.start("p", 0);
    t.placed(call, "other");
    assertThat(call.requests()).isEqualTo(2);
    assertThat(call.wrongRequests()).isEqualTo(1);
    assertThat(t.unknownConnections()).isEmpty();
  }

  @Test
  void callsThatNeverConnectedOrNeverEndedAreTold() {
    CallTracker t = new CallTracker(1_000);
    CallRecord unanswered = t.start("p", 0);
    CallRecord stuck = t.start("p", 0);
    t.placed(stuck, ID);
    t.accept(callback(1, "CallConnected", 0, "delivered", attempt(1, 200, 1)));
    t.neverEnded(unanswered);
    t.neverEnded(stuck);
    assertThat(unanswered.outcome()).isEqualTo(Outcome.NOT_CONNECTED);
    assertThat(stuck.outcome()).isEqualTo(Outcome.NEVER_ENDED);
    assertThat(stuck.failed()).isTrue();
  }

  @Test
  void requestNamesSayWhatTheAppAskedFor() {
    assertThat(CallTracker.requestName(new JsonObject().put("method", "POST").put("uri", "/calling/callConnections?api-version=1")))
        .isEqualTo("POST createCall");
    assertThat(CallTracker.requestName(new JsonObject().put("method", "DELETE").put("uri", "/calling/callConnections/abc?api-version=1")))
        .isEqualTo("DELETE call");
    assertThat(CallTracker.requestName(new JsonObject().put("method", "POST").put("uri", "/calling/callConnections/abc:recognize")))
        .isEqualTo("POST :recognize");
  }
}
