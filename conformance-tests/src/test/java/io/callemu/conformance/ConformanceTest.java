package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callemu.emulator.CallemuConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Base of every conformance test class: one callemu, one Node app (JS SDK) and one Java app
 * (Java SDK callback server) per class, not per test. After each test no callback may have failed
 * either SDK's parser; as the last test of the class every callback in callemu's journal is run
 * through both parsers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ConformanceTest {

  /** JS client over plain HTTP ({@code allowInsecureConnection: true}). */
  static final String JS_HTTP = "http";
  /** JS client over HTTPS (NODE_EXTRA_CA_CERTS = callemu's ca.pem). */
  static final String JS_HTTPS = "https";

  static final String TARGET_PHONE = "+15551234567";
  static final String CALLER_ID = "+15550000000";
  static final String ACS_USER = "8:acs:70559d7c-67b2-444f-a1f3-8027a1412880_00000014-451a-8ed1-0e04-343a0d003e59";
  /** Bound of every wait for a callback. */
  static final long WAIT_MS = 10_000;

  static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger TAGS = new AtomicInteger();

  Path dataDir;
  CallemuTarget callemu;
  NodeApp node;
  JavaCallbackInbox javaInbox;
  SignedHttp raw;
  /** Parse failures already reported by an earlier test of this class (each is blamed once). */
  private int jsFailuresReported;
  private int javaFailuresReported;

  /**
   * What this class needs from the embedded callemu beyond ports 0, its data dir and the Node app
   * as Event Grid webhook. By default: the wall clock, and the callee picks up after 20 ms (real
   * ringing is not what the suite is about).
   */
  CallemuConfig configure(CallemuConfig config) {
    return config.withClock("wall").withSetting("call.ringMs", "20");
  }

  @BeforeAll
  void startCallemuAndApps() throws IOException {
    dataDir = Files.createTempDirectory("callemu-conformance-");
    Path caPem = CallemuTarget.caPemFor(dataDir);
    node = NodeApp.start(caPem);
    javaInbox = new JavaCallbackInbox();
    callemu = CallemuTarget.start(dataDir,
        c -> configure(c.withEventGridWebhook(node.eventGridWebhookUrl())));
    node.call("client", Map.of("name", JS_HTTPS, "connectionString", callemu.connectionString())).result();
    if (callemu.httpConnectionString() != null) {
      node.call("client", Map.of("name", JS_HTTP, "connectionString", callemu.httpConnectionString(),
          "allowInsecureConnection", true)).result();
      raw = new SignedHttp(callemu.httpEndpoint(), callemu.accessKey());
    }
  }

  @AfterAll
  @SuppressWarnings("try") // the block only closes them
  void stopCallemuAndApps() throws IOException {
    try (CallemuTarget c = callemu; NodeApp n = node; JavaCallbackInbox j = javaInbox) {
      // closed in reverse order; each may be null if start failed
    }
    deleteRecursively(dataDir);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Every callback either app received during the test parsed in its SDK (checked after every test). */
  @AfterEach
  void everyCallbackParsedInTheSdks() {
    JsonNode js = node.call("callbacks", Map.of()).result().path("parseFailures");
    List<JsonNode> jsNew = new ArrayList<>();
    js.forEach(jsNew::add);
    jsNew = jsNew.subList(Math.min(jsFailuresReported, jsNew.size()), jsNew.size());
    List<JavaCallbackInbox.Received> java = javaInbox.parseFailures();
    List<JavaCallbackInbox.Received> javaNew = java.subList(Math.min(javaFailuresReported, java.size()), java.size());
    jsFailuresReported = js.size();
    javaFailuresReported = java.size();
    assertThat(jsNew).as("callbacks parseCallAutomationEvent (JS 1.6.0) rejected; Node stderr:\n%s", node.stderr())
        .isEmpty();
    assertThat(javaNew).as("callbacks CallAutomationEventParser (Java 1.0.4) rejected").isEmpty();
  }

  @Test
  @Order(Integer.MAX_VALUE)
  @DisplayName("CA-EVT-002 every callback in callemu's journal parses with both SDK parsers")
  void everyJournalledCallbackParsesInBothSdks() {
    // Count what the apps received before reading the journal: callbacks of calls a test left
    // running may still arrive, and one counted now is already journalled when the journal is read.
    int received = node.call("callbacks", Map.of()).result().path("callbacks").size() + javaInbox.received().size();
    List<String> bodies = Journal.callbackBodies(callemu.control().events(null, null, null));
    assertThat(bodies).as("every callback the apps received is in the journal").hasSizeGreaterThanOrEqualTo(received);
    List<String> failures = new ArrayList<>();
    for (String body : bodies) {
      JsonNode js = node.call("parse", Map.of("body", body)).result();
      if (!js.path("ok").asBoolean()) {
        failures.add("JS: " + js.path("error").asText() + " <- " + body);
      }
      JavaCallbackInbox.Received java = JavaCallbackInbox.parse("journal", body);
      if (java.parseFailure() != null) {
        failures.add("Java: " + java.parseFailure() + " <- " + body);
      }
    }
    assertThat(failures).isEmpty();
  }

  /**
   * createCall through the JS SDK client {@code client} (see the client names above) to a target
   * ({@code {"phoneNumber":…}} or {@code {"communicationUserId":…}}) with {@link #CALLER_ID} as
   * caller id (a PSTN call needs one) and the Node app's callback URL for {@code tag}.
   *
   * @param extra further arguments of the createCall command (e.g. "repeatability")
   */
  NodeApp.Reply jsCreateCall(String client, String tag, Map<String, Object> target, Map<String, Object> extra) {
    Map<String, Object> args = new HashMap<>(extra);
    args.put("client", client);
    args.put("target", target);
    args.put("sourceCallerId", CALLER_ID);
    args.put("callbackTag", tag);
    return node.call("createCall", args);
  }

  /**
   * Offers an inbound call to {@code to} through the control API and returns the IncomingCall
   * Event Grid event the Node app (the webhook) received, with the handshake it answered.
   */
  JsonNode offerIncomingCall(String to) {
    Assumptions.assumeTrue(callemu.isEmbedded(),
        "a running callemu posts Event Grid events to its own --eventgrid-webhook, not to this suite's app");
    callemu.control().incomingCall(Map.of("from", "+15557654321", "to", to));
    return node.call("waitIncomingCall", Map.of("toRawId", to, "timeoutMs", WAIT_MS)).result();
  }

  /** Parses JSON the test got as text (a wire body, a callback); not JSON fails the test. */
  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** A callback tag unique in the suite, so each test's callbacks arrive on their own URL. */
  static String newTag(String prefix) {
    return prefix + "-" + TAGS.incrementAndGet();
  }
}
