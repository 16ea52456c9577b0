package io.callemu.emulator.core.media;

/**
 * One validated play source of a play or recognize prompt.
 *
 * @param kind {@code file}, {@code text} or {@code ssml}
 * @param content the file URI, the text, or the SSML document
 */
public record PlaySource(String kind, String content) {

  public static PlaySource file(String uri) {
    return new PlaySource("file", uri);
  }

  public static PlaySource text(String text) {
    return new PlaySource("text", text);
  }

  public static PlaySource ssml(String ssml) {
    return new PlaySource("ssml", ssml);
  }
}
