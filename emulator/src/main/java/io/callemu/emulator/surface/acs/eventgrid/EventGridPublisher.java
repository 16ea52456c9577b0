package io.callemu.emulator.surface.acs.eventgrid;

import io.callemu.emulator.core.call.IncomingCall;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.platform.journal.EventGridEntry;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.surface.acs.AcsIdentifiers;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * Plays Event Grid for {@code Microsoft.Communication.IncomingCall}: before
 * the first event it proves the webhook with a SubscriptionValidationEvent, which the app must
 * answer with {@code {"validationResponse": <code>}}; events then go as a JSON array in the Event
 * Grid schema. One attempt per post: the outcome goes back to the control-API caller.
 */
public final class EventGridPublisher {

  /** The topic of the emulated ACS resource. */
  static final String TOPIC = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
      + "callemu/providers/Microsoft.Communication/communicationServices/callemu";

  private static final long TIMEOUT_MS = 10_000;

  private final HttpClient client;
  private final Journal journal;
  private final Clock clock;
  private final String webhook;
  private Future<Void> validation;

  public EventGridPublisher(HttpClient client, Journal journal, Clock clock, String webhook) {
    this.client = client;
    this.journal = journal;
    this.clock = clock;
    this.webhook = webhook;
  }

  public String webhook() {
    return webhook;
  }

  /**
   * An IncomingCall event being posted.
   *
   * @param event the event as posted
   * @param answered completes when the webhook answered 2xx; fails with an {@link EventGridException}
   *     naming what went wrong (unreachable, refused the validation, answered non-2xx, no answer in time)
   */
  public record Posting(JsonObject event, Future<Void> answered) {
  }

  /** Starts posting the IncomingCall event of {@code call} (after the validation handshake). */
  public Posting publishIncomingCall(IncomingCall call) {
    JsonObject data = new JsonObject()
        .put("to", AcsIdentifiers.render(call.to()))
        .put("from", AcsIdentifiers.render(call.from()))
        .put("serverCallId", call.serverCallId())
        .put("hasIncomingVideo", false)
        .put("incomingCallContext", call.incomingCallContext())
        .put("correlationId", call.correlationId());
    if (call.callerDisplayName() != null) {
      data.put("callerDisplayName", call.callerDisplayName());
    }
    JsonObject event = event("Microsoft.Communication.IncomingCall",
        "/caller/" + call.from().rawId() + "/recipient/" + call.to().rawId(), data, "1.0");
    Future<Void> answered = validated().compose(v -> post(event, "Notification").compose(resp -> {
      if (resp.status < 200 || resp.status >= 300) {
        return Future.failedFuture(new EventGridException("the webhook answered the IncomingCall event with HTTP "
            + resp.status));
      }
      return Future.succeededFuture();
    }));
    return new Posting(event, answered);
  }

  /** Forgets the handshake (control reset), so the next event proves the webhook again. */
  public void reset() {
    validation = null;
  }

  private Future<Void> validated() {
    if (validation == null || validation.failed()) {
      String code = UUID.randomUUID().toString();
      JsonObject data = new JsonObject().put("validationCode", code)
          .put("validationUrl", webhook + (webhook.contains("?") ? "&" : "?") + "callemu-validation=" + code);
      JsonObject event = event("Microsoft.EventGrid.SubscriptionValidationEvent", "", data, "2");
      validation = post(event, "SubscriptionValidation").compose(resp -> {
        if (resp.status != 200) {
          return Future.failedFuture(new EventGridException("the webhook answered the Event Grid subscription "
              + "validation with HTTP " + resp.status + " (expected 200 {\"validationResponse\":\"" + code + "\"})"));
        }
        Object answer;
        try {
          Object body = io.vertx.core.json.Json.decodeValue(resp.body);
          answer = body instanceof JsonObject o ? o.getValue("validationResponse") : null;
        } catch (DecodeException e) {
          answer = null;
        }
        if (!code.equals(answer)) {
          return Future.failedFuture(new EventGridException("the webhook did not echo the validation code: expected "
              + "{\"validationResponse\":\"" + code + "\"}, got " + resp.body.toString()));
        }
        return Future.succeededFuture();
      });
    }
    return validation;
  }

  private JsonObject event(String type, String subject, JsonObject data, String dataVersion) {
    return new JsonObject().put("id", UUID.randomUUID().toString()).put("topic", TOPIC)
        .put("subject", subject).put("data", data).put("eventType", type)
        .put("eventTime", Instant.ofEpochMilli(clock.nowMillis()).toString())
        .put("metadataVersion", "1").put("dataVersion", dataVersion);
  }

  private Future<Response> post(JsonObject event, String aegEventType) {
    EventGridEntry entry = journal.record(new EventGridEntry(event.getString("eventType"), webhook, event.copy()));
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(webhook)
        .setIdleTimeout(TIMEOUT_MS)
        .putHeader("Content-Type", "application/json")
        .putHeader("aeg-event-type", aegEventType);
    Future<Response> sent;
    try {
      sent = client.request(options)
          .compose(req -> req.send(Buffer.buffer(new JsonArray().add(event).encode())))
          .compose(resp -> resp.body().map(body -> new Response(resp.statusCode(), body)));
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    return sent.transform(ar -> {
      JsonObject outcome = new JsonObject();
      if (ar.succeeded()) {
        outcome.put("status", ar.result().status);
      } else {
        outcome.put("error", String.valueOf(ar.cause().getMessage()));
      }
      entry.answered(outcome);
      journal.changed(entry, outcome);
      if (ar.failed()) {
        return Future.failedFuture(new EventGridException("the Event Grid webhook " + webhook
            + " could not be reached: " + ar.cause().getMessage()));
      }
      return Future.succeededFuture(ar.result());
    });
  }

  private record Response(int status, Buffer body) {
  }
}
