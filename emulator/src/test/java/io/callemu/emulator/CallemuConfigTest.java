package io.callemu.emulator;

import io.callemu.emulator.core.clock.ClockMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallemuConfigTest {

  private static CallemuConfig parse(Map<String, String> env, String... args) {
    return CallemuConfig.fromArgs(args, env);
  }

  @Test
  void defaultsFollowTheContract() {
    CallemuConfig c = parse(Map.of());
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(9080);
    assertThat(c.httpsPort()).isEqualTo(9443);
    assertThat(c.dataDir()).isEqualTo(Path.of(".callemu"));
    assertThat(c.clock()).isEqualTo(ClockMode.WALL);
    assertThat(c.timeScale()).isEqualTo(1.0);
    assertThat(c.accessKey()).isEqualTo(Callemu.WELL_KNOWN_ACCESS_KEY);
    assertThat(c.loose()).isFalse();
    assertThat(c.controlToken()).isNull();
    assertThat(c.speechKey()).isEqualTo("callemu-well-known-speech-key").isEqualTo(Callemu.WELL_KNOWN_SPEECH_KEY);
  }

  @Test
  void theSpeechKeyComesFromTheOptionOrTheEnvironmentAndMustNotBeEmpty() {
    assertThat(parse(Map.of("CALLEMU_SPEECH_KEY", "from-env")).speechKey()).isEqualTo("from-env");
    assertThat(parse(Map.of("CALLEMU_SPEECH_KEY", "from-env"), "--speech-key", "mine").speechKey()).isEqualTo("mine");
    assertThatThrownBy(() -> parse(Map.of(), "--speech-key=")).hasMessageContaining("--speech-key must not be empty");
  }

  @Test
  void optionsTakeSpaceOrEqualsAndBeatTheEnvironment() {
    CallemuConfig c = parse(Map.of("CALLEMU_PORT", "1234", "CALLEMU_HTTPS_PORT", "-1", "CALLEMU_CLOCK", "virtual",
            "CALLEMU_SET", "call.ringMs=10,callback.maxAttempts=2", "CALLEMU_EVENTGRID_WEBHOOK", "http://x/eg"),
        "--port=0", "--time-scale", "0.01", "--loose", "--set", "call.ringMs=20", "--data-dir", "/tmp/d");
    assertThat(c.port()).isZero();
    assertThat(c.httpsPort()).isEqualTo(-1);
    assertThat(c.clock()).isEqualTo(ClockMode.VIRTUAL);
    assertThat(c.timeScale()).isEqualTo(0.01);
    assertThat(c.loose()).isTrue();
    assertThat(c.settings()).containsEntry("call.ringMs", "20").containsEntry("callback.maxAttempts", "2");
    assertThat(c.eventGridWebhook()).isEqualTo("http://x/eg");
    assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/d"));
  }

  @Test
  void badInputIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> parse(Map.of(), "--port", "x")).hasMessageContaining("--port");
    assertThatThrownBy(() -> parse(Map.of(), "--port", "70000")).hasMessageContaining("0..65535");
    assertThatThrownBy(() -> parse(Map.of(), "--https-port", "-2")).hasMessageContaining("--https-port");
    assertThatThrownBy(() -> parse(Map.of(), "--nope")).hasMessageContaining("unknown option --nope");
    assertThatThrownBy(() -> parse(Map.of(), "stray")).hasMessageContaining("stray");
    assertThatThrownBy(() -> parse(Map.of(), "--port")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> parse(Map.of(), "--clock", "sundial")).hasMessageContaining("wall");
    assertThatThrownBy(() -> parse(Map.of(), "--time-scale", "0")).hasMessageContaining("--time-scale");
    assertThatThrownBy(() -> parse(Map.of(), "--cert", "a.pem")).hasMessageContaining("--key");
    assertThatThrownBy(() -> parse(Map.of(), "--access-key", "%%%")).hasMessageContaining("base64");
    assertThatThrownBy(() -> parse(Map.of(), "--set", "novalue")).hasMessageContaining("key=value");
    assertThatThrownBy(() -> parse(Map.of(), "--eventgrid-webhook", "ftp://x")).hasMessageContaining("http");
    assertThatThrownBy(() -> parse(Map.of(), "--loose=maybe")).hasMessageContaining("true or false");
    assertThatThrownBy(() -> parse(Map.of("CALLEMU_PORT", "abc"))).hasMessageContaining("--port");
  }

  @Test
  void graphAppsAreRepeatableAndTheCommandLineReplacesTheEnvironment() {
    assertThat(parse(Map.of()).graphApps()).isEmpty();
    CallemuConfig fromEnv = parse(Map.of("CALLEMU_GRAPH_APP", "app-1:s1, app-2:s:with:colons"));
    assertThat(fromEnv.graphApps()).containsExactly(Map.entry("app-1", "s1"), Map.entry("app-2", "s:with:colons"));
    CallemuConfig both = parse(Map.of("CALLEMU_GRAPH_APP", "app-1:s1"), "--graph-app", "app-3:s3",
        "--graph-app=app-4:s4");
    assertThat(both.graphApps()).containsExactly(Map.entry("app-3", "s3"), Map.entry("app-4", "s4"));
  }

  @Test
  void aGraphAppNeedsAClientIdAndASecretOnce() {
    for (String bad : new String[] {"nocolon", ":secret", "id:", "two words:secret"}) {
      assertThatThrownBy(() -> parse(Map.of(), "--graph-app", bad)).as(bad)
          .hasMessageContaining("--graph-app expects <clientId>:<secret>");
    }
    // The message never repeats a secret.
    assertThatThrownBy(() -> parse(Map.of(), "--graph-app", "two words:hidden")).hasMessageNotContaining("hidden");
    assertThatThrownBy(() -> parse(Map.of(), "--graph-app", "id:a", "--graph-app", "id:b"))
        .hasMessageContaining("twice");
  }

  @Test
  void nonLoopbackHostNeedsAControlToken() {
    assertThatThrownBy(() -> parse(Map.of(), "--host", "0.0.0.0")).hasMessageContaining("--control-token");
    assertThat(parse(Map.of(), "--host", "0.0.0.0", "--control-token", "t").controlToken()).isEqualTo("t");
    assertThat(parse(Map.of(), "--host", "localhost").host()).isEqualTo("localhost");
  }

  @Test
  void unknownSettingsStopTheStart() {
    CallemuConfig c = CallemuConfig.defaults().withPort(0).withHttpsPort(-1).withSetting("no.such", "1");
    assertThatThrownBy(() -> Callemu.start(c)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no.such");
    CallemuConfig bad = CallemuConfig.defaults().withPort(0).withHttpsPort(-1).withSetting("call.ringMs", "-3");
    assertThatThrownBy(() -> Callemu.start(bad)).hasMessageContaining("call.ringMs");
  }

  @Test
  void withCopiesLeaveTheOriginalUnchanged() {
    CallemuConfig a = CallemuConfig.defaults();
    CallemuConfig b = a.withPort(1).withSetting("call.ringMs", "1");
    assertThat(a.port()).isEqualTo(9080);
    assertThat(a.settings()).isEmpty();
    assertThat(b.port()).isEqualTo(1);
  }
}
