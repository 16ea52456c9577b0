package io.callemu.emulator.junit;

import io.callemu.emulator.Callemu;
import io.callemu.emulator.CallemuConfig;
import io.callemu.emulator.client.ControlClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives a test class its own emulator, the way WireMock's extension does for HTTP stubs: started
 * once per class (a start costs far more than a reset), reset before every test so tests cannot
 * see each other's calls, faults or scenarios, and closed after the class.
 *
 * <p>Register it with {@code @ExtendWith(CallemuExtension.class)} or, to configure it,
 * {@link CallemuSettings @CallemuSettings}; for options known only at run time (an app's webhook on
 * a free port) register it as {@code @RegisterExtension static CallemuExtension callemu =
 * CallemuExtension.configured(config -> config.withEventGridWebhook(app.url()))} — the function runs
 * when the class starts, after static fields were set. Test methods, lifecycle methods and
 * constructors may declare parameters of type {@link Callemu} and {@link ControlClient}.
 *
 * <p>The emulator binds 127.0.0.1 on free ports (HTTP and HTTPS) with a virtual clock and a
 * temporary data dir that is deleted afterwards, so classes run side by side and leave nothing
 * behind. {@code @Nested} classes share the enclosing class's emulator unless they carry their own
 * {@code @CallemuSettings}.
 */
public final class CallemuExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CallemuExtension.class);
  private static final String RUNNING = "running";

  private final UnaryOperator<CallemuConfig> customizer;

  /** The extension as {@code @ExtendWith} and {@code @CallemuSettings} create it. */
  public CallemuExtension() {
    this(UnaryOperator.identity());
  }

  private CallemuExtension(UnaryOperator<CallemuConfig> customizer) {
    this.customizer = customizer;
  }

  /**
   * An extension whose configuration {@code customizer} completes, for {@code @RegisterExtension}:
   * it gets the configuration of the class's {@link CallemuSettings} (or the defaults) when the
   * class starts and returns the one to start with.
   */
  public static CallemuExtension configured(UnaryOperator<CallemuConfig> customizer) {
    return new CallemuExtension(customizer);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Class<?> testClass = context.getRequiredTestClass();
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    boolean ownSettings = AnnotationSupport.isAnnotated(testClass, CallemuSettings.class);
    if (store.get(RUNNING, Running.class) != null && !ownSettings) {
      return; // a @Nested class: the enclosing class's emulator serves it
    }
    CallemuSettings settings =
        AnnotationSupport.findAnnotation(testClass, CallemuSettings.class)
            .orElseGet(() -> Defaults.class.getAnnotation(CallemuSettings.class));
    store.put(RUNNING, Running.start(customizer.apply(config(settings)), settings.dataDir().isEmpty()));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // remove() only looks at this class's own store, so a @Nested class never closes its parent's.
    Running running = context.getStore(NAMESPACE).remove(RUNNING, Running.class);
    if (running != null) {
      running.close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    running(context).control().reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Callemu.class || type == ControlClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running running = running(context);
    return parameter.getParameter().getType() == Callemu.class ? running.callemu() : running.control();
  }

  private static Running running(ExtensionContext context) {
    Running running = context.getStore(NAMESPACE).get(RUNNING, Running.class);
    if (running == null) {
      throw new ExtensionConfigurationException(
          "no emulator for " + context.getDisplayName()
              + ": CallemuExtension starts one per test class, so register it on the class, not on a method");
    }
    return running;
  }

  static CallemuConfig config(CallemuSettings settings) {
    CallemuConfig config =
        CallemuConfig.defaults()
            .withHost(settings.host())
            .withPort(settings.port())
            .withHttpsPort(settings.https() ? settings.httpsPort() : -1)
            .withClock(settings.clock())
            .withTimeScale(settings.timeScale())
            .withLoose(settings.loose());
    if (!settings.eventGridWebhook().isEmpty()) {
      config = config.withEventGridWebhook(settings.eventGridWebhook());
    }
    if (!settings.dataDir().isEmpty()) {
      config = config.withDataDir(Path.of(settings.dataDir()));
    }
    if (!settings.journal().isEmpty()) {
      config = config.withJournal(Path.of(settings.journal()));
    }
    if (!settings.speechKey().isEmpty()) {
      config = config.withSpeechKey(settings.speechKey());
    }
    for (String app : settings.graphApps()) {
      config = config.withGraphApp(app);
    }
    if (!settings.cert().isEmpty() || !settings.key().isEmpty()) {
      config = config.withCert(Path.of(settings.cert()), Path.of(settings.key()));
    }
    if (!settings.accessKey().isEmpty()) {
      config = config.withAccessKey(settings.accessKey());
    }
    if (!settings.controlToken().isEmpty()) {
      config = config.withControlToken(settings.controlToken());
    }
    if (!settings.scenario().isEmpty()) {
      config = config.withScenario(Path.of(settings.scenario()));
    }
    for (String setting : settings.settings()) {
      int equals = setting.indexOf('=');
      if (equals <= 0) {
        throw new ExtensionConfigurationException(
            "@CallemuSettings(settings) entries must be key=value, got '" + setting + "'");
      }
      config = config.withSetting(setting.substring(0, equals).trim(), setting.substring(equals + 1).trim());
    }
    return config;
  }

  /** Carries the defaults of {@link CallemuSettings} for classes that are not annotated. */
  @CallemuSettings
  private static final class Defaults {}

  /** One started emulator with its temporary data dir, or null when the test named its own. */
  private record Running(Callemu callemu, ControlClient control, Path temporaryDataDir) {

    static Running start(CallemuConfig config, boolean temporaryDataDir) throws IOException {
      if (!temporaryDataDir) {
        Callemu callemu = Callemu.start(config);
        return new Running(callemu, callemu.control(), null);
      }
      Path dataDir = Files.createTempDirectory("callemu-junit-");
      try {
        if (config.httpsPort() >= 0 && config.certPem() == null) {
          SharedDevCertificate.copyInto(dataDir);
        }
        Callemu callemu = Callemu.start(config.withDataDir(dataDir));
        return new Running(callemu, callemu.control(), dataDir);
      } catch (IOException | RuntimeException e) {
        try {
          deleteRecursively(dataDir);
        } catch (UncheckedIOException cleanup) {
          e.addSuppressed(cleanup);
        }
        throw e;
      }
    }

    void close() {
      try {
        callemu.close();
      } finally {
        if (temporaryDataDir != null) {
          deleteRecursively(temporaryDataDir);
        }
      }
    }

    private static void deleteRecursively(Path dir) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the emulator's temporary data dir " + dir, e);
      }
    }
  }
}
