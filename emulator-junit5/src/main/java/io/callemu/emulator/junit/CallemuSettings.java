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

  /** {@code "virtual"} (time moves only through the control API) or {@code "wall"}. */
  String clock() default "virtual";

  /** Wall clock only: every emulated duration is multiplied by this. */
  double timeScale() default 1.0;

  /** Fidelity switches as {@code "key=value"}, like {@code --set} (CONTRACT §5). */
  String[] settings() default {};

  /** The base64 access key; empty means {@link io.callemu.emulator.Callemu#WELL_KNOWN_ACCESS_KEY}. */
  String accessKey() default "";

  /** When not empty, the control API requires this bearer token (the injected client sends it). */
  String controlToken() default "";

  /** Accept unknown api-versions and unknown JSON fields ({@code --loose}). */
  boolean loose() default false;

  /** Serve HTTPS too (on a free port, with the generated development certificate). */
  boolean https() default true;

  /** A scenario file loaded at start (CONTRACT §4); empty for none. */
  String scenario() default "";
}
