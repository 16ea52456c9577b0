package io.callemu.emulator.server;

import io.callemu.emulator.CallemuConfig;
import io.callemu.emulator.acs.AcsApi;
import io.callemu.emulator.auth.HmacAuthenticator;
import io.callemu.emulator.call.CallService;
import io.callemu.emulator.callback.CallbackDispatcher;
import io.callemu.emulator.clock.Clock;
import io.callemu.emulator.clock.VirtualClock;
import io.callemu.emulator.clock.WallClock;
import io.callemu.emulator.control.ControlApi;
import io.callemu.emulator.eventgrid.EventGridPublisher;
import io.callemu.emulator.fault.Faults;
import io.callemu.emulator.http.RepeatabilityCache;
import io.callemu.emulator.journal.Journal;
import io.callemu.emulator.media.MediaService;
import io.callemu.emulator.media.PlayDurations;
import io.callemu.emulator.scenario.ScenarioRunner;
import io.callemu.emulator.scenario.Scenarios;
import io.callemu.emulator.settings.Settings;
import io.callemu.emulator.surface.speech.SpeechControlApi;
import io.callemu.emulator.surface.speech.SpeechSurface;
import io.callemu.emulator.surface.speech.recognition.SpeechTranscripts;
import io.callemu.emulator.tls.TlsMaterial;
import io.callemu.emulator.transcription.StreamConnector;
import io.callemu.emulator.transcription.TranscriptionService;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.time.Duration;

/**
 * The emulator as one verticle: every surface and all call state live on its single event-loop
 * context, so a call is a single-threaded state machine without locks. HTTP and HTTPS serve the
 * same handler: {@code /calling/**} goes to the ACS surface, the Speech surface takes its paths, and
 * everything else goes to the router (the control API).
 */
public final class EmulatorServer extends VerticleBase {

  private static final int CALLBACK_CONNECT_TIMEOUT_MS = 5_000;
  private static final int CALLBACK_CONNECTIONS_PER_HOST = 50;

  private final CallemuConfig config;
  private final TlsMaterial tls;
  private final Settings settings = new Settings();
  private final Scenarios scenarios;
  private final SpeechTranscripts speechTranscripts = new SpeechTranscripts();
  private volatile ListeningPorts ports;
  private Journal journal;
  private HttpClient client;
  private HmacAuthenticator authenticator;
  private long authenticatorSkew = -1;
  private StreamConnector streams;

  /**
   * Checks settings and the scenario up front, so that bad ones stop the start with a clear
   * message before anything listens.
   *
   * @param tls the certificate for HTTPS, or null when HTTPS is off
   * @param scenarioDocument the {@code --scenario} file's text, or null
   * @throws IllegalArgumentException for a bad setting or scenario
   */
  public EmulatorServer(CallemuConfig config, TlsMaterial tls, String scenarioDocument) {
    this.config = config;
    this.tls = tls;
    this.scenarios = new Scenarios(config.dataDir());
    config.settings().forEach((key, value) -> settings.set(key, value, "--set"));
    SpeechControlApi.readScenarios(scenarios, speechTranscripts);
    if (scenarioDocument != null) {
      try {
        java.nio.file.Path dir = config.scenario().toAbsolutePath().getParent();
        scenarios.add(scenarioDocument, dir == null ? config.dataDir() : dir);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("scenario " + config.scenario() + ": " + e.getMessage());
      }
    }
  }

  public ListeningPorts ports() {
    return ports;
  }

  @Override
  public Future<?> start() {
    Clock clock = config.clock().equals(CallemuConfig.VIRTUAL)
        ? new VirtualClock(context, System.currentTimeMillis())
        : new WallClock(vertx, context, config.timeScale());
    journal = new Journal(() -> settings.getLong(Settings.JOURNAL_CAPACITY), clock::nowMillis);
    client = vertx.createHttpClient(new HttpClientOptions().setTrustAll(true).setVerifyHost(false)
            .setConnectTimeout(CALLBACK_CONNECT_TIMEOUT_MS),
        new PoolOptions().setHttp1MaxSize(CALLBACK_CONNECTIONS_PER_HOST));
    Faults faults = new Faults();
    CallbackDispatcher callbacks = new CallbackDispatcher(client, clock, settings, journal, faults);
    CallService calls = new CallService(clock, settings, callbacks);
    MediaService media = new MediaService(vertx, calls, settings, faults, journal,
        new PlayDurations(vertx, client, settings, config.dataDir()), config.host());
    ScenarioRunner scenarioRunner = new ScenarioRunner(vertx, scenarios, calls, media);
    // Replay windows are real time: SDK retries happen in real time whatever the emulated clock.
    RepeatabilityCache repeats = RepeatabilityCache.withDefaults(() -> System.nanoTime() / 1_000_000);
    streams = new StreamConnector(vertx, tls != null ? tls.caPem() : config.dataDir().resolve("ca.pem"));
    TranscriptionService transcriptions = new TranscriptionService(clock, settings, callbacks, journal, faults,
        streams, calls);
    transcriptions.onStarted(scenarioRunner::transcriptionStarted);
    AcsApi acs = new AcsApi(calls, media, settings, this::authenticator, repeats, journal, config.loose(),
        transcriptions);
    EventGridPublisher eventGrid = config.eventGridWebhook() == null ? null
        : new EventGridPublisher(client, journal, clock, config.eventGridWebhook());
    SpeechSurface speech = new SpeechSurface(vertx, config.speechKey(), settings, journal, faults,
        speechTranscripts, clock::nowMillis);
    Router router = Router.router(vertx);
    new ControlApi(vertx, clock, calls, media, callbacks, journal, faults, scenarios, settings, repeats,
        eventGrid, config.controlToken(), transcriptions).withSurface(speech.control()).mount(router);
    Handler<HttpServerRequest> root = req -> {
      String path = req.path();
      if (path.equals("/calling") || path.startsWith("/calling/")) {
        acs.handle(req);
      } else if (!speech.handle(req)) {
        router.handle(req);
      }
    };

    Future<Void> journalReady = config.journal() == null ? Future.succeededFuture()
        : journal.openFile(vertx, config.journal());
    HttpServer http = vertx.createHttpServer(new HttpServerOptions().setHost(config.host())
        .setPort(config.port()));
    HttpServer https = tls == null ? null : vertx.createHttpServer(new HttpServerOptions()
        .setHost(config.host()).setPort(config.httpsPort()).setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.certPem().toString())
            .setKeyPath(tls.keyPem().toString())));
    return journalReady
        .compose(v -> http.requestHandler(root).listen())
        .compose(v -> https == null ? Future.succeededFuture() : https.requestHandler(root).listen())
        .map(v -> {
          ports = new ListeningPorts(http.actualPort(), https == null ? -1 : https.actualPort());
          return null;
        });
  }

  /** The HMAC verifier, rebuilt when the allowed clock skew setting changes. */
  private HmacAuthenticator authenticator() {
    long skew = settings.getLong(Settings.HMAC_MAX_SKEW_SECONDS);
    if (authenticator == null || skew != authenticatorSkew) {
      authenticator = new HmacAuthenticator(config.accessKey(), java.time.Clock.systemUTC(),
          Duration.ofSeconds(skew));
      authenticatorSkew = skew;
    }
    return authenticator;
  }

  @Override
  public Future<?> stop() {
    Future<Void> j = journal == null ? Future.succeededFuture() : journal.close();
    Future<Void> c = client == null ? Future.succeededFuture() : client.close();
    Future<Void> w = streams == null ? Future.succeededFuture() : streams.close();
    return Future.all(j, c, w);
  }
}
