package io.callemu.emulator.junit;

import io.callemu.emulator.core.clock.ClockMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.callemu.emulator.Callemu;
import io.callemu.emulator.CallemuConfig;
import io.callemu.emulator.client.ControlClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small sample test classes through the Jupiter engine and checks what the extension did
 * for them: one emulator per class, parameters, reset, configuration, clean-up.
 */
class CallemuExtensionTest {

  /** What the sample tests saw; samples run one at a time, each test of this class clears it. */
  static final List<Callemu> SEEN = new CopyOnWriteArrayList<>();
  static final List<ControlClient> CLIENTS = new CopyOnWriteArrayList<>();
  static final List<String> CA_PEMS = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forgetEarlierSamples() {
    SEEN.clear();
    CLIENTS.clear();
    CA_PEMS.clear();
  }

  /** Runs the sample class and requires all its tests to pass, showing why one did not. */
  private static void runAndExpectSuccesses(Class<?> sample, int tests) {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
    List<Throwable> failures =
        results.allEvents().failed().stream()
            .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
            .toList();
    assertThat(failures).as("failures of %s", sample.getSimpleName()).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(tests);
  }

  @ExtendWith(CallemuExtension.class)
  static class TwoTests {
    TwoTests(Callemu fromConstructor) {
      SEEN.add(fromConstructor);
    }

    @Test
    void first(Callemu callemu, ControlClient control) {
      SEEN.add(callemu);
      CLIENTS.add(control);
    }

    @Test
    void second(Callemu callemu, ControlClient control) {
      SEEN.add(callemu);
      CLIENTS.add(control);
    }
  }

  @Test
  void startsOneEmulatorForTheClassAndInjectsItAndItsControlClient() {
    runAndExpectSuccesses(TwoTests.class, 2);

    assertThat(SEEN).hasSize(4).containsOnly(SEEN.get(0));
    assertThat(CLIENTS).hasSize(2).containsOnly(CLIENTS.get(0));
    assertThat(CLIENTS.get(0).baseUrl()).isEqualTo(SEEN.get(0).httpUrl());
  }

  @Test
  void closesTheEmulatorAndDeletesItsDataDirAfterTheClass() {
    runAndExpectSuccesses(TwoTests.class, 2);

    assertThat(Files.exists(SEEN.get(0).dataDir())).isFalse();
    assertThatThrownBy(() -> CLIENTS.get(0).health()).isInstanceOf(UncheckedIOException.class);
  }

  @ExtendWith(CallemuExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class LeavesAFaultArmed {
    @Test
    @Order(1)
    void armsAFault(ControlClient control) {
      control.addFault(Map.of("action", "recognize", "result", Map.of("code", 400, "subCode", 8510)));
      assertThat(control.faults().path("faults")).hasSize(1);
    }

    @Test
    @Order(2)
    void seesNoneOfIt(ControlClient control) {
      assertThat(control.faults().path("faults")).isEmpty();
    }
  }

  @Test
  void resetsTheEmulatorBeforeEachTest() {
    runAndExpectSuccesses(LeavesAFaultArmed.class, 2);
  }

  @ExtendWith(CallemuExtension.class)
  static class Defaults {
    @Test
    void running(Callemu callemu, ControlClient control) throws Exception {
      SEEN.add(callemu);
      CA_PEMS.add(Files.readString(callemu.caPem()));
      assertThat(control.health().path("status").asText()).isEqualTo("ready");
      assertThat(callemu.dataDir()).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
      // One client trusts callemu through the context the extension's Callemu offers; the JVM does not.
      HttpClient trusting = HttpClient.newBuilder().sslContext(callemu.sslContext()).build();
      HttpRequest health = HttpRequest.newBuilder(URI.create(callemu.httpsUrl() + "/_emulator/health")).build();
      assertThat(trusting.send(health, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> HttpClient.newHttpClient().send(health, HttpResponse.BodyHandlers.discarding()))
          .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
      assertThat(callemu.trustManager().getAcceptedIssuers()).hasSize(1);
    }
  }

  /** An app's Event Grid webhook on a free port, known only once the class starts. */
  static final class Webhook {
    static final java.util.List<String> TYPES = new CopyOnWriteArrayList<>();
    static com.sun.net.httpserver.HttpServer server;

    static String start() {
      try {
        server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/eventgrid", exchange -> {
        io.vertx.core.json.JsonObject event = new io.vertx.core.json.JsonArray(
            new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
            .getJsonObject(0);
        TYPES.add(event.getString("eventType"));
        byte[] body = "Microsoft.EventGrid.SubscriptionValidationEvent".equals(event.getString("eventType"))
            ? new io.vertx.core.json.JsonObject().put("validationResponse",
                event.getJsonObject("data").getString("validationCode")).encode().getBytes() : new byte[0];
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/eventgrid";
    }
  }

  static class ConfiguredAtRunTime {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final CallemuExtension CALLEMU = CallemuExtension.configured(c -> c.withEventGridWebhook(Webhook.start()));

    @Test
    void offersInboundCallsToTheWebhook(ControlClient control) {
      try {
        assertThat(control.incomingCall(Map.of("from", "+15551112222", "to", "+15550000000"))
            .path("delivery").asText()).isEqualTo("delivered");
        assertThat(Webhook.TYPES).containsExactly("Microsoft.EventGrid.SubscriptionValidationEvent",
            "Microsoft.Communication.IncomingCall");
      } finally {
        Webhook.server.stop(0);
      }
    }
  }

  @Test
  void optionsKnownOnlyAtRunTimeAreGivenByAFunction() {
    runAndExpectSuccesses(ConfiguredAtRunTime.class, 1);
  }

  @CallemuSettings(host = "127.0.0.2", journal = "target/extension-journal.jsonl", speechKey = "k3y",
      dataDir = "target/extension-data-dir", graphApps = "11111111-2222-3333-4444-555555555555:s3cret", eventGridWebhook = "http://127.0.0.1:9/eg")
  static class EveryStartOption {
    @Test
    void running(Callemu callemu) {
      SEEN.add(callemu);
    }
  }

  @Test
  void everyStartOptionHasAnAttribute() {
    // --set is settings(), --graph-app graphApps(), --eventgrid-webhook eventGridWebhook(); the rest by
    // their camel-case names.
    Map<String, String> renamed = Map.of("set", "settings", "graph-app", "graphApps", "eventgrid-webhook",
        "eventGridWebhook");
    List<String> attributes = java.util.Arrays.stream(CallemuSettings.class.getDeclaredMethods())
        .map(java.lang.reflect.Method::getName).toList();

    assertThat(CallemuConfig.optionNames()).isNotEmpty().allSatisfy(option -> assertThat(attributes)
        .contains(renamed.getOrDefault(option, camelCase(option))));
  }

  private static String camelCase(String option) {
    return java.util.regex.Pattern.compile("-([a-z])").matcher(option).replaceAll(m -> m.group(1).toUpperCase());
  }

  @Test
  void everyStartOptionIsAnAttribute() {
    runAndExpectSuccesses(EveryStartOption.class, 1);

    Callemu callemu = SEEN.get(0);
    assertThat(callemu.httpUrl()).startsWith("http://127.0.0.2:");
    assertThat(callemu.config().journal()).isEqualTo(Path.of("target/extension-journal.jsonl"));
    assertThat(callemu.config().graphApps()).containsEntry("11111111-2222-3333-4444-555555555555", "s3cret");
    assertThat(callemu.config().eventGridWebhook()).isEqualTo("http://127.0.0.1:9/eg");
    assertThat(callemu.config().speechKey()).isEqualTo("k3y");
    assertThat(callemu.config().dataDir()).isEqualTo(Path.of("target/extension-data-dir"));
    assertThat(Path.of("target/extension-data-dir/ca.pem")).as("a data dir the test named is kept").exists();
  }

  @Test
  void defaultsToAVirtualClockFreePortsAndATemporaryDataDirServingHttps() {
    runAndExpectSuccesses(Defaults.class, 1);

    Callemu callemu = SEEN.get(0);
    assertThat(callemu.config().clock()).isEqualTo(ClockMode.VIRTUAL);
    assertThat(callemu.config().host()).isEqualTo("127.0.0.1");
    assertThat(callemu.config().port()).isZero();
    assertThat(callemu.config().httpsPort()).isZero();
    assertThat(callemu.config().controlToken()).isNull();
    assertThat(callemu.httpUrl()).startsWith("http://127.0.0.1:").doesNotEndWith(":0").doesNotEndWith(":9080");
    assertThat(callemu.httpsUrl()).startsWith("https://localhost:").doesNotEndWith(":0").doesNotEndWith(":9443");
  }

  @Test
  void testClassesGetTheirOwnDataDirButShareOneCertificate() {
    runAndExpectSuccesses(Defaults.class, 1);
    runAndExpectSuccesses(Defaults.class, 1);

    assertThat(SEEN.get(0).dataDir()).isNotEqualTo(SEEN.get(1).dataDir());
    assertThat(CA_PEMS).hasSize(2).containsOnly(CA_PEMS.get(0));
  }

  @CallemuSettings(
      clock = "wall",
      timeScale = 0.01,
      settings = {"callback.maxAttempts=2", "call.ringMs = 300"},
      controlToken = "t0ken",
      https = false,
      loose = true)
  static class Configured {
    @Test
    void running(Callemu callemu, ControlClient control) {
      SEEN.add(callemu);
      assertThat(control.health().path("status").asText()).isEqualTo("ready");
    }
  }

  @Test
  void appliesCallemuSettingsWhichAloneRegistersTheExtension() {
    runAndExpectSuccesses(Configured.class, 1);

    Callemu callemu = SEEN.get(0);
    assertThat(callemu.config().clock()).isEqualTo(ClockMode.WALL);
    assertThat(callemu.config().timeScale()).isEqualTo(0.01);
    assertThat(callemu.config().settings())
        .containsEntry("callback.maxAttempts", "2")
        .containsEntry("call.ringMs", "300");
    assertThat(callemu.config().controlToken()).isEqualTo("t0ken");
    assertThat(callemu.config().loose()).isTrue();
    assertThat(callemu.config().httpsPort()).isEqualTo(-1);
    assertThat(callemu.httpsUrl()).isNull();
  }

  @CallemuSettings(settings = "no-equals-sign")
  static class MalformedSetting {
    @Test
    void never() {}
  }

  @Test
  void failsTheClassWithAClearMessageForAMalformedSetting() {
    Events events =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(MalformedSetting.class)).execute().containerEvents();

    events.assertStatistics(stats -> stats.failed(1));
    assertThat(events.failed().stream().findFirst().orElseThrow()
            .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("must be key=value, got 'no-equals-sign'");
  }

  @ExtendWith(CallemuExtension.class)
  static class Outer {
    @Test
    void outer(Callemu callemu) {
      SEEN.add(callemu);
    }

    @Nested
    class SharesTheOuterEmulator {
      @Test
      void inner(Callemu callemu) {
        SEEN.add(callemu);
      }
    }

    @Nested
    @CallemuSettings(clock = "wall")
    class HasItsOwn {
      @Test
      void inner(Callemu callemu) {
        SEEN.add(callemu);
      }
    }
  }

  @Test
  void nestedClassesShareTheEnclosingEmulatorUnlessTheyConfigureTheirOwn() {
    runAndExpectSuccesses(Outer.class, 3);

    assertThat(SEEN).hasSize(3);
    assertThat(SEEN).filteredOn(c -> c.config().clock() == ClockMode.VIRTUAL).hasSize(2).containsOnly(SEEN.get(0));
    assertThat(SEEN).filteredOn(c -> c.config().clock() == ClockMode.WALL).hasSize(1);
  }
}
