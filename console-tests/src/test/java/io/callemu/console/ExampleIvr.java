package io.callemu.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The repository's example IVR (examples/ivr-js, the official JS SDK) as a process, pointed at a
 * callemu on a port picked before either starts (callemu needs the IVR's webhook, the IVR needs
 * callemu's endpoint).
 */
final class ExampleIvr implements AutoCloseable {

  static final Path DIR = Path.of(System.getProperty("callemu.exampleAppDir", "../examples/ivr-js"));

  private final Process process;
  private final String url;

  private ExampleIvr(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** A free port for the callemu the IVR will talk to. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ExampleIvr start(int callemuPort, String accessKey) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("node", "app.mjs").directory(DIR.toFile());
    pb.environment().put("PORT", "0");
    pb.environment().put("CALLEMU_CONNECTION_STRING", "endpoint=http://127.0.0.1:" + callemuPort + "/;accesskey=" + accessKey);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String ready = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).get(30, TimeUnit.SECONDS);
    if (ready == null || !ready.startsWith("ivr listening on ")) {
      p.destroy();
      throw new IllegalStateException("the example IVR did not start: " + ready);
    }
    return new ExampleIvr(p, ready.substring("ivr listening on ".length()).trim());
  }

  /** Where Event Grid posts IncomingCall. */
  String eventGridWebhook() {
    return url + "/api/incomingCall";
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
