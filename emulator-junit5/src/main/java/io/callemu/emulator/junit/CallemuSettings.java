package io.callemu.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Configures the emulator {@link CallemuExtension} starts for the annotated test class; the
 * annotation alone also registers the extension. Without it a class gets the defaults below.
 *
 * <p>The defaults suit tests rather than manual use: a virtual clock so timeouts pass only when
 * the test advances time, and free ports so test classes and CI jobs never collide.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CallemuExtension.class)
public @interface CallemuSettings {

  /** The address to bind ({@code --host}). */
  String host() default "127.0.0.1";

  /** The plain HTTP port ({@code --port}); 0 picks a free one. */
  int port() default 0;

  /** The HTTPS port ({@code --https-port}); 0 picks a free one. {@link #https()} false turns HTTPS off. */
  int httpsPort() default 0;

  /** {@code "virtual"} (time moves only through the control API) or {@code "wall"}. */
  String clock() default "virtual";

  /** Wall clock only: every emulated duration is multiplied by this. */
  double timeScale() default 1.0;

  /** Settings as {@code "key=value"}, like {@code --set}. */
  String[] settings() default {};

  /** The base64 access key; empty means {@link io.callemu.emulator.Callemu#WELL_KNOWN_ACCESS_KEY}. */
  String accessKey() default "";

  /** When not empty, the control API requires this bearer token (the injected client sends it). */
  String controlToken() default "";

  /** Accept unknown api-versions and unknown JSON fields ({@code --loose}). */
  boolean loose() default false;

  /** Serve HTTPS too (on a free port, with the generated development certificate). */
  boolean https() default true;

  /** A scenario file loaded at start ({@code --scenario}); empty for none. */
  String scenario() default "";

  /**
   * Where Event Grid's IncomingCall events go ({@code --eventgrid-webhook}); empty for nowhere. A
   * webhook known only at run time (a server on a free port) is given with {@link
   * CallemuExtension#configured}.
   */
  String eventGridWebhook() default "";

  /**
   * The data dir ({@code --data-dir}), kept after the class; empty: a temporary one, deleted after
   * the class.
   */
  String dataDir() default "";
  /** A file every request, callback and frame is appended to as JSON lines ({@code --journal}). */
  String journal() default "";

  /** Applications that may get Graph tokens, as {@code "clientId:secret"} ({@code --graph-app}). */
  String[] graphApps() default {};

  /** The key of the emulated Speech resource ({@code --speech-key}); empty for the well-known one. */
  String speechKey() default "";
  /** PEM certificate and key for HTTPS ({@code --cert}, {@code --key}); empty: the generated one. */
  String cert() default "";

  /** The key of {@link #cert()}. */
  String key() default "";
}
