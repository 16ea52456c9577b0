package io.callemu.emulator;

import io.callemu.emulator.platform.build.Version;

import java.io.PrintStream;

/**
 * {@code java -jar callemu.jar [options]}: starts the emulator, prints the ready line of CONTRACT
 * section 1 and runs until SIGTERM/SIGINT.
 */
public final class Main {

  /** Exit code for bad options. */
  static final int USAGE_ERROR = 2;

  private Main() {
  }

  public static void main(String[] args) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        usage(System.out);
        return;
      }
      if (arg.equals("--version")) {
        System.out.println("callemu " + Version.get());
        return;
      }
    }
    CallemuConfig config;
    try {
      config = CallemuConfig.fromArgs(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("callemu: " + e.getMessage());
      System.exit(USAGE_ERROR);
      return;
    }
    Callemu callemu;
    try {
      callemu = Callemu.start(config);
    } catch (IllegalArgumentException e) {
      System.err.println("callemu: " + e.getMessage());
      System.exit(USAGE_ERROR);
      return;
    } catch (RuntimeException e) {
      System.err.println("callemu: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(callemu::close, "callemu-shutdown"));
    System.out.println(callemu.readyLine());
    System.out.flush();
    // stdout carries the ready line alone (CONTRACT section 1: harnesses parse it); people read this.
    System.err.println("callemu console " + callemu.consoleUrl());
  }

  private static void usage(PrintStream out) {
    out.println("usage: java -jar callemu.jar [options]   (each option also as CALLEMU_<NAME>)");
    out.println("  --host ADDR              bind address (127.0.0.1)");
    out.println("  --port N                 plain HTTP port, 0 = any free (9080)");
    out.println("  --https-port N           HTTPS port, 0 = any free, -1 = off (9443)");
    out.println("  --cert PEM --key PEM     TLS certificate and key (default: generated into the data dir)");
    out.println("  --data-dir DIR           certificates, journal (./.callemu)");
    out.println("  --access-key BASE64      HMAC key of the emulated ACS resource (well-known key)");
    out.println("  --clock wall|virtual     virtual: time moves only via POST /_emulator/clock/advance");
    out.println("  --time-scale X           wall clock: multiply every emulated duration by X (1.0)");
    out.println("  --scenario FILE          scenario (JSON or YAML) loaded at start");
    out.println("  --eventgrid-webhook URL  where IncomingCall Event Grid events go");
    out.println("  --set key=value          one setting (GET /_emulator/settings lists them); repeatable");
    out.println("  --loose                  accept unknown api-versions");
    out.println("  --control-token TOKEN    require Authorization: Bearer TOKEN on /_emulator");
    out.println("  --journal FILE           append every request, callback and frame as JSON lines");
    out.println("  --graph-app ID:SECRET    an application that may get Graph tokens; repeatable");
    out.println("                           (CALLEMU_GRAPH_APP: comma-separated; default: the well-known app)");
    out.println("  --speech-key KEY         key of the emulated Speech resource (callemu-well-known-speech-key)");
    out.println("The web console is at http://<host>:<port>/_emulator/ui (printed on stderr at start).");
  }
}
