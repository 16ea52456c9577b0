package io.callemu.emulator.core.media;

/**
 * One validated source of a play or of a recognize's prompt.
 *
 * @param content the file URI, the text, or the SSML document
 */
public record PlaySource(Kind kind, String content) {

  /** What the source is. */
  public enum Kind { FILE, TEXT, SSML }

  public static PlaySource file(String uri) {
    return new PlaySource(Kind.FILE, uri);
  }

  public static PlaySource text(String text) {
    return new PlaySource(Kind.TEXT, text);
  }

  public static PlaySource ssml(String ssml) {
    return new PlaySource(Kind.SSML, ssml);
  }
}
