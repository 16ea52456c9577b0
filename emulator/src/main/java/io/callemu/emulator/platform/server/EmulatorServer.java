package io.callemu.emulator.platform.server;

import io.callemu.emulator.CallemuConfig;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.call.CallSettings;
import io.callemu.emulator.core.caller.CallerActions;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.clock.ClockMode;
import io.callemu.emulator.core.clock.VirtualClock;
import io.callemu.emulator.core.clock.WallClock;
import io.callemu.emulator.core.event.DomainEvents;
import io.callemu.emulator.core.event.Notice;
import io.callemu.emulator.core.fault.Faults;
import io.callemu.emulator.core.media.MediaService;
import io.callemu.emulator.core.media.MediaSettings;
import io.callemu.emulator.core.media.PlayDurations;
import io.callemu.emulator.core.media.RecordSettings;
import io.callemu.emulator.core.media.RecognizeSettings;
import io.callemu.emulator.core.recording.RecordingSettings;
import io.callemu.emulator.core.recording.Recordings;
import io.callemu.emulator.core.scenario.ScenarioRunner;
import io.callemu.emulator.core.scenario.Scenarios;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.core.transcription.TranscriptionService;
import io.callemu.emulator.core.transcription.TranscriptionSettings;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.RepeatabilityCache;
import io.callemu.emulator.platform.http.Replies;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.platform.journal.JournalSettings;
import io.callemu.emulator.platform.journal.NoteEntry;
import io.callemu.emulator.platform.tls.TlsMaterial;
import io.callemu.emulator.platform.webhook.CallbackSettings;
import io.callemu.emulator.platform.webhook.WebhookDelivery;
import io.callemu.emulator.surface.acs.AcsEvents;
import io.callemu.emulator.surface.acs.AcsRoutes;
import io.callemu.emulator.surface.acs.AcsSettings;
import io.callemu.emulator.surface.acs.eventgrid.EventGridPublisher;
import io.callemu.emulator.surface.acs.transcription.AcsTranscriptionTransport;
import io.callemu.emulator.surface.acs.transcription.StreamConnector;
import io.callemu.emulator.surface.acs.transcription.TranscriptionStreamSettings;
import io.callemu.emulator.surface.control.ControlRoutes;
import io.callemu.emulator.surface.control.ScenarioParser;
import io.callemu.emulator.surface.control.ScenarioSection;
import io.callemu.emulator.surface.control.console.ConsoleApi;
import io.callemu.emulator.surface.control.console.ConsoleFeed;
import io.callemu.emulator.surface.control.console.ConsolePage;
import io.callemu.emulator.surface.control.console.ConsoleSettings;
import io.callemu.emulator.surface.speech.SpeechControlApi;
import io.callemu.emulator.surface.speech.SpeechSettings;
import io.callemu.emulator.surface.speech.SpeechSurface;
import io.callemu.emulator.surface.speech.recognition.SpeechTranscripts;
import io.callemu.emulator.surface.graph.GraphAuthSettings;
import io.callemu.emulator.surface.graph.GraphSettings;
import io.callemu.emulator.surface.graph.GraphSurface;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The emulator as one verticle and its composition root: every surface and all call state live on
 * its single event-loop context, so a call is a single-threaded state machine without locks. Here
 * the core is built, each feature's settings registered, the surfaces subscribed to the core's
 * events and their routes mounted; HTTP and HTTPS serve the same router.
 */
public final class EmulatorServer extends VerticleBase {

  private static final int CALLBACK_CONNECT_TIMEOUT_MS = 5_000;
  private static final int CALLBACK_CONNECTIONS_PER_HOST = 50;
  private static final long RECORDING_WRITES_ON_STOP_MS = 10_000;

  private final CallemuConfig config;
  private final TlsMaterial tls;
  private final Settings settings = new Settings(CallSettings.ALL, CallbackSettings.ALL, JournalSettings.ALL,
      AcsSettings.ALL, RecognizeSettings.ALL, MediaSettings.PROMPTS, MediaSettings.CALLER_AUDIO,
      TranscriptionStreamSettings.ALL, TranscriptionSettings.ALL, GraphAuthSettings.ALL, GraphSettings.ALL,
      RecordSettings.ALL, RecordingSettings.ALL, SpeechSettings.ALL, ConsoleSettings.ALL);
  private final Scenarios scenarios = new Scenarios();
  private final SpeechTranscripts speechTranscripts = new SpeechTranscripts();
  private ControlRoutes control;
  private final Map<String, ScenarioSection> scenarioSections;
  /** Read from the jar here, on the caller's thread, not in start() on the event loop. */
  private final ConsolePage consolePage = new ConsolePage();
  private volatile ListeningPorts ports;
  private Journal journal;
  private HttpClient client;
  private StreamConnector streams;
  private Recordings recordings;

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
    config.settings().forEach((key, value) -> settings.set(key, value, "--set"));
    scenarioSections = Map.of(SpeechControlApi.SCENARIO_SECTION, SpeechSurface.scenarioTranscripts(speechTranscripts));
    if (scenarioDocument != null) {
      try {
        Path dir = config.scenario().toAbsolutePath().getParent();
        ScenarioParser.Document document = ScenarioParser.parse(scenarioDocument,
            new ScenarioParser.AudioFolders(dir == null ? config.dataDir() : dir, config.dataDir()), scenarioSections);
        scenarios.addAll(document.rules());
        document.applySections();
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("scenario " + config.scenario() + ": " + e.getMessage());
      }
    }
  }

  /** The control API's operations ({@link ControlRoutes#operations}), once started. */
  public List<String> controlOperations() {
    return control == null ? List.of() : control.operations();
  }

  public ListeningPorts ports() {
    return ports;
  }

  @Override
  public Future<?> start() {
    Clock clock = config.clock() == ClockMode.VIRTUAL
        ? new VirtualClock(context, System.currentTimeMillis())
        : new WallClock(vertx, context, config.timeScale());
    journal = new Journal(() -> settings.get(JournalSettings.CAPACITY), clock::nowMillis);
    client = vertx.createHttpClient(new HttpClientOptions().setTrustAll(true).setVerifyHost(false)
            .setConnectTimeout(CALLBACK_CONNECT_TIMEOUT_MS),
        new PoolOptions().setHttp1MaxSize(CALLBACK_CONNECTIONS_PER_HOST));
    Faults faults = new Faults();
    DomainEvents events = new DomainEvents();
    WebhookDelivery webhook = new WebhookDelivery(client, clock, settings, journal, faults);

    // The core.
    CallService calls = new CallService(clock, settings, events);
    recordings = new Recordings(vertx, calls, settings, config.dataDir());
    MediaService media = new MediaService(vertx, calls, settings, faults,
        new PlayDurations(vertx, client, settings, config.dataDir()), recordings, config.host());
    streams = new StreamConnector(vertx, tls != null ? tls.caPem() : config.dataDir().resolve("ca.pem"));
    TranscriptionService transcriptions = new TranscriptionService(clock, settings, faults, calls,
        new AcsTranscriptionTransport(streams, clock, settings, journal, faults));
    CallerActions caller = new CallerActions(vertx, calls, media, settings);
    ScenarioRunner scenarioRunner = new ScenarioRunner(vertx, scenarios, calls, caller);
    Router router = Router.router(vertx);
    SpeechSurface speech = new SpeechSurface(vertx, config.speechKey(), settings, journal, faults,
        speechTranscripts, clock::nowMillis);
    speech.mount(router);
    // Before the control API: the bot-notification keys and the recordings under /_emulator/graph
    // need no control token.
    GraphSurface graph = GraphSurface.mount(router, vertx, config.graphApps(), config.dataDir(), settings,
        journal, calls, media, recordings);

    // The console only watches (nothing it does reaches an app); it hears an event before the
    // callback rendered from it is journalled, so timelines show them in that order.
    ConsoleFeed console = new ConsoleFeed(new ConsoleFeed.Parts(vertx, clock, config.timeScale(), calls, media,
        transcriptions, settings));
    events.subscribe(console::on);
    journal.watch(console::journalled);
    calls.follow(console);
    // The fan-out: the apps' callbacks are queued first, then scenarios react, then the journal notes.
    events.subscribe(new AcsEvents(webhook::deliver, clock, settings)::on);
    events.subscribe(graph.events(webhook::deliver)::on);
    events.subscribe(scenarioRunner::on);
    events.subscribe(e -> {
      if (e instanceof Notice n) {
        journal.record(new NoteEntry(n.callId(), n.message()));
      }
    });
    events.onListenerError(e -> journal.record(new NoteEntry(null, "event listener failed: " + e)));

    // The surfaces.
    // Replay windows are real time: SDK retries happen in real time whatever the emulated clock.
    RepeatabilityCache repeats = RepeatabilityCache.withDefaults(() -> System.nanoTime() / 1_000_000);
    EventGridPublisher eventGrid = config.eventGridWebhook() == null ? null
        : new EventGridPublisher(client, journal, clock, config.eventGridWebhook());
    Runnable reset = () -> {
      transcriptions.reset();
      calls.reset();
      recordings.reset();
      webhook.reset();
      faults.clear();
      scenarios.clear();
      repeats.clear();
      journal.clear();
    };
    new AcsRoutes(calls, media, transcriptions, settings, journal, repeats, config.accessKey(), config.loose())
        .mount(vertx, router);
    // Before the control API: the console page needs no control token (its API calls do).
    consolePage.mount(router);
    control = new ControlRoutes(new ControlRoutes.Parts(vertx, clock, calls, media, transcriptions, caller, webhook,
        journal, faults, scenarios, settings, eventGrid, graph.incomingCalls(), config.dataDir(), reset,
        List.of(speech.control(), new ConsoleApi(console, calls)), scenarioSections), config.controlToken());
    control.mount(router);
    // The last route answers everything else: in an envelope clients parse rather than Vert.x's HTML
    // page, naming the surfaces an app may be looking for.
    router.route().handler(ctx -> Replies.send(ctx, HttpReply.json(404, new JsonObject().put("error",
        new JsonObject().put("code", "NotFound").put("message", "callemu serves nothing at "
            + ctx.request().method() + " " + ctx.request().path() + "; it emulates ACS Call Automation under"
            + " /calling, Microsoft Graph calls under /v1.0 and /beta (with the Entra ID stand-in on the HTTPS"
            + " port), Speech to text under /speech/recognition/{interactive|conversation|dictation}/"
            + "cognitiveservices/v1 and /sts/v1.0/issueToken, and its control API under /_emulator")))));

    Future<Void> journalReady = (config.journal() == null ? Future.<Void>succeededFuture()
        : journal.openFile(vertx, config.journal())).compose(v -> recordings.open());
    HttpServer http = vertx.createHttpServer(new HttpServerOptions().setHost(config.host())
        .setPort(config.port()));
    HttpServer https = tls == null ? null : vertx.createHttpServer(new HttpServerOptions()
        .setHost(config.host()).setPort(config.httpsPort()).setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.certPem().toString())
            .setKeyPath(tls.keyPem().toString())));
    return journalReady
        .compose(v -> listen(http.requestHandler(router), "--port", config.port()))
        .compose(v -> https == null ? Future.succeededFuture()
            : listen(https.requestHandler(router), "--https-port", config.httpsPort()))
        .map(v -> {
          ports = new ListeningPorts(http.actualPort(), https == null ? -1 : https.actualPort());
          return null;
        });
  }

  /**
   * Listens; a port that is taken (or cannot be bound on the host) is a bad option, named in the
   * message, rather than a crash.
   */
  private Future<HttpServer> listen(HttpServer server, String option, int port) {
    return server.listen().recover(e -> {
      String why = String.valueOf(e.getMessage());
      if (e instanceof java.net.BindException || why.contains("Address already in use")
          || why.contains("Cannot assign requested address")) {
        return Future.failedFuture(new IllegalArgumentException(option + " " + port + ": cannot listen on "
            + config.host() + ":" + port + " (" + why + ")"));
      }
      return Future.failedFuture(e);
    });
  }

  @Override
  public Future<?> stop() {
    Future<Void> j = journal == null ? Future.succeededFuture() : journal.close();
    Future<Void> c = client == null ? Future.succeededFuture() : client.close();
    Future<Void> w = streams == null ? Future.succeededFuture() : streams.close();
    // Recordings being written are finished (bounded), so a stop leaves no half-written file.
    Future<Void> r = recordings == null ? Future.succeededFuture() : recordings.close(RECORDING_WRITES_ON_STOP_MS);
    return Future.all(j, c, w, r);
  }
}
