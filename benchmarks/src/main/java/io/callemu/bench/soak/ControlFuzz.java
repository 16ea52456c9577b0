package io.callemu.bench.soak;

import io.callemu.bench.load.CallemuClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Malformed control requests, each sent byte for byte: invalid UTF-8 bodies, bad percent-escapes,
 * no body, multipart bodies, JSON of the wrong shape or types, and oversized bodies, URIs and
 * headers. Every one should get a 4xx in the JSON error envelope and leave no stack trace in the
 * log; badly typed scenario step options should be refused, not stored.
 */
final class ControlFuzz implements Scenario {

  private static final byte[] INVALID_UTF8 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, (byte) 0xFE,
      (byte) 0xC3, '"', '}'};

  /** One malformed request. */
  private record Case(String name, byte[] request) {
  }

  @Override
  public String name() {
    return "control-fuzz";
  }

  @Override
  public String finding() {
    return "malformed control requests answer 500 with stack traces in the log; 413/414 are plain text;"
        + " badly typed scenario options are accepted";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults().set("call.ringMs", 0);
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    AppServer app = bench.app();
    CallemuClient acs = bench.acs(target, 2);
    String call = Bench.createCall(acs, app.uri(AppServer.Behaviour.OK, 0), "fuzz");
    Bench.waitUntil(() -> !app.acknowledged().isEmpty(), 10_000);
    outcome.before(target);
    List<Case> cases = cases(RawHttp.hostHeader(target.uri()), call);
    long serverErrors = 0;
    long notEnvelope = 0;
    long accepted = 0;
    List<String> bad = new ArrayList<>();
    try (HealthProbe probe = HealthProbe.start(target)) {
      for (Case c : cases) {
        RawHttp.Response r = RawHttp.exchange(target.uri(), c.request());
        boolean envelope = r.isErrorEnvelope();
        if (r.status() >= 500 || r.status() < 0) {
          serverErrors++;
        }
        if (r.status() >= 200 && r.status() < 300) {
          accepted++;
        } else if (!envelope) {
          notEnvelope++;
        }
        if (r.status() >= 500 || r.status() < 400 || !envelope) {
          bad.add(c.name() + " → " + r.status() + (r.status() / 100 == 2 ? " (accepted)"
              : envelope ? "" : " (not the JSON envelope)"));
        }
      }
      outcome.during(target, probe);
      outcome.health(probe);
    }
    outcome.serverErrors(serverErrors);
    outcome.figure("malformed requests", cases.size());
    outcome.figure("answered without the JSON error envelope", notEnvelope);
    outcome.figure("accepted (2xx) although malformed", accepted);
    bad.forEach(b -> outcome.note(b));
    Bench.hangUp(acs, List.of(call));
    Bench.reset(target);
    outcome.after(target);
    outcome.checkNoServerErrors();
    outcome.check("errors outside the JSON envelope", "0", notEnvelope, notEnvelope == 0);
    outcome.check("malformed or badly typed requests accepted", "0", accepted, accepted == 0);
  }

  private static List<Case> cases(String host, String call) {
    List<Case> cases = new ArrayList<>();
    String calls = "/_emulator/calls/" + call;
    List<String> jsonPosts = List.of("/_emulator/settings", "/_emulator/faults", "/_emulator/scenarios",
        "/_emulator/events/wait", "/_emulator/incoming-calls", calls + "/dtmf", calls + "/speech");
    for (String path : jsonPosts) {
      cases.add(new Case("invalid UTF-8 to " + path, request(host, "POST " + path, "application/json", INVALID_UTF8)));
      if (!path.equals("/_emulator/settings")) {
        // (no body to settings is an empty change, which is fine)
        cases.add(new Case("no body, no length to " + path, raw(host, "POST " + path, "")));
        cases.add(new Case("empty JSON body to " + path, request(host, "POST " + path, "application/json",
            new byte[0])));
      }
      cases.add(new Case("multipart body to " + path, request(host, "POST " + path,
          "multipart/form-data; boundary=soak", ("--soak\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
              + "--soak--\r\n").getBytes(StandardCharsets.ISO_8859_1))));
      cases.add(new Case("a JSON array to " + path, json(host, "POST " + path, "[1,2]")));
      cases.add(new Case("deeply nested JSON to " + path, json(host, "POST " + path,
          "[".repeat(5_000) + "]".repeat(5_000))));
    }
    cases.add(new Case("multipart audio", request(host, "POST " + calls + "/audio", "multipart/form-data; boundary=s",
        "--s\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.wav\"\r\n\r\nRIFF\r\n--s--\r\n"
            .getBytes(StandardCharsets.ISO_8859_1))));
    cases.add(new Case("audio with a bad escape in text", request(host, "POST " + calls + "/audio?text=%zz",
        "audio/wav", new byte[] {'R', 'I', 'F', 'F'})));
    for (String target : List.of("/_emulator/calls/%zz", "/_emulator/calls/%E0%A4", "/_emulator/events?since=%zz",
        "/_emulator/events?callConnectionId=%", "/_emulator/%",
        "/calling/callConnections/%zz?api-version=2023-03-06")) {
      cases.add(new Case("bad percent-escape GET " + target, raw(host, "GET " + target, "")));
    }
    cases.add(new Case("bad percent-escape POST dtmf", json(host, "POST /_emulator/calls/%zz/dtmf", "{\"tones\":\"1\"}")));
    cases.add(new Case("fault action of the wrong type", json(host, "POST /_emulator/faults", "{\"action\":5}")));
    cases.add(new Case("fault times of the wrong type", json(host, "POST /_emulator/faults",
        "{\"action\":\"play\",\"times\":\"x\",\"result\":{\"code\":400,\"subCode\":8535}}")));
    cases.add(new Case("setting given an object", json(host, "POST /_emulator/settings", "{\"call.ringMs\":{}}")));
    cases.add(new Case("setting given a word", json(host, "POST /_emulator/settings", "{\"call.ringMs\":\"abc\"}")));
    cases.add(new Case("wait timeout of the wrong type", json(host, "POST /_emulator/events/wait",
        "{\"type\":\"CallConnected\",\"timeoutMs\":\"5\"}")));
    cases.add(new Case("dtmf tones of the wrong type", json(host, "POST " + calls + "/dtmf", "{\"tones\":5}")));
    cases.add(new Case("dtmf toneMs of the wrong type", json(host, "POST " + calls + "/dtmf",
        "{\"tones\":\"1\",\"toneMs\":\"abc\"}")));
    cases.add(new Case("speech text of the wrong type", json(host, "POST " + calls + "/speech", "{\"text\":5}")));
    cases.add(new Case("scenario step toneMs \"abc\"", json(host, "POST /_emulator/scenarios",
        "{\"rules\":[{\"on\":\"callConnected\",\"do\":[{\"dtmf\":\"1\",\"toneMs\":\"abc\"}]}]}")));
    cases.add(new Case("scenario step confidence \"high\"", json(host, "POST /_emulator/scenarios",
        "{\"rules\":[{\"on\":\"callConnected\",\"do\":[{\"speech\":\"hi\",\"confidence\":\"high\"}]}]}")));
    cases.add(new Case("scenario step gapMs -5", json(host, "POST /_emulator/scenarios",
        "{\"rules\":[{\"on\":\"callConnected\",\"do\":[{\"dtmf\":\"1\",\"gapMs\":-5}]}]}")));
    cases.add(new Case("2 MiB body (413)", request(host, "POST /_emulator/settings", "application/json",
        new byte[2 << 20])));
    cases.add(new Case("10,000-character URI (414)", raw(host, "GET /_emulator/events?type=" + "a".repeat(10_000), "")));
    cases.add(new Case("20 KB header (431)", raw(host, "GET /_emulator/calls", "X-Soak: " + "a".repeat(20_000)
        + "\r\n")));
    cases.add(new Case("garbage request line", "GARBAGE\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
    return cases;
  }

  private static byte[] json(String host, String requestLine, String json) {
    return request(host, requestLine, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] request(String host, String requestLine, String contentType, byte[] body) {
    return RawHttp.concat(raw(host, requestLine, "Content-Type: " + contentType + "\r\nContent-Length: " + body.length
        + "\r\n"), body);
  }

  /** The request line and headers (ending the head), with {@code extraHeaders} as given. */
  private static byte[] raw(String host, String requestLine, String extraHeaders) {
    return (requestLine + " HTTP/1.1\r\nHost: " + host + "\r\n" + extraHeaders + "Connection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }
}
