package io.callemu.emulator.surface.speech.usp;

import static io.callemu.emulator.surface.speech.usp.UspProtocolException.INVALID_PAYLOAD;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callemu.emulator.surface.speech.recognition.OutputFormat;
import io.callemu.emulator.surface.speech.recognition.ProfanityOption;
import io.callemu.emulator.surface.speech.recognition.SpeechMode;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the settings of a turn from a {@code speech.context} body. Keys are matched in any case: the
 * JS SDK writes {@code "mode":"Interactive","interactive":{…}}, the Java SDK
 * {@code "mode":"INTERACTIVE","INTERACTIVE":{…}} (reference official-clients.md 6.3). Read:
 * {@code phraseDetection.mode}, {@code .language}, {@code .initialSilenceTimeout},
 * {@code .trailingSilenceTimeout}, {@code .<mode>.segmentation.segmentationSilenceTimeoutMs},
 * {@code .enrichment.profanity}; {@code phraseOutput.format}, {@code .detailed.options} (WordTimings),
 * {@code .interimResults.resultType}; {@code continuation.audio.streams.*.offset}. Anything else is ignored.
 */
final class SpeechContextReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SpeechContextReader() {
  }

  static TurnOverrides read(String body) throws UspProtocolException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new UspProtocolException(INVALID_PAYLOAD, "speech.context is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new UspProtocolException(INVALID_PAYLOAD, "speech.context must be a JSON object");
    }
    try {
      JsonNode detection = field(root, "phraseDetection");
      // the Java SDK has been seen to write phraseOutput inside phraseDetection
      JsonNode output = field(root, "phraseOutput");
      if (output.isMissingNode()) {
        output = field(detection, "phraseOutput");
      }
      String modeText = text(field(detection, "mode"));
      SpeechMode mode = modeText == null ? null : SpeechMode.fromWire(modeText);
      String format = text(field(output, "format"));
      Boolean wordTimings = null;
      for (JsonNode option : field(field(output, "detailed"), "options")) {
        if ("WordTimings".equalsIgnoreCase(option.asText())) {
          wordTimings = true;
        }
      }
      String profanity = text(field(field(detection, "enrichment"), "profanity"));
      String resultType = text(field(field(output, "interimResults"), "resultType"));
      return new TurnOverrides(mode, text(field(detection, "language")),
          format == null ? (wordTimings != null ? OutputFormat.DETAILED : null) : OutputFormat.parse(format),
          wordTimings, profanity == null ? null : ProfanityOption.parse(profanity),
          integer(field(detection, "initialSilenceTimeout"), "initialSilenceTimeout"),
          integer(field(detection, "trailingSilenceTimeout"), "trailingSilenceTimeout"),
          segmentation(detection, mode),
          resultType == null ? null : !"None".equalsIgnoreCase(resultType),
          continuation(field(root, "continuation")));
    } catch (IllegalArgumentException e) {
      throw new UspProtocolException(INVALID_PAYLOAD, "speech.context: " + e.getMessage());
    }
  }

  /** {@code <mode>.segmentation.segmentationSilenceTimeoutMs}, the turn's own mode first. */
  private static Integer segmentation(JsonNode detection, SpeechMode mode) {
    if (mode != null) {
      Integer own = integer(field(field(field(detection, mode.wireName()), "segmentation"),
          "segmentationSilenceTimeoutMs"), "segmentationSilenceTimeoutMs");
      if (own != null) {
        return own;
      }
    }
    for (SpeechMode m : SpeechMode.values()) {
      Integer ms = integer(field(field(field(detection, m.wireName()), "segmentation"),
          "segmentationSilenceTimeoutMs"), "segmentationSilenceTimeoutMs");
      if (ms != null) {
        return ms;
      }
    }
    return null;
  }

  private static Long continuation(JsonNode continuation) {
    for (JsonNode stream : field(field(continuation, "audio"), "streams")) {
      JsonNode offset = field(stream, "offset");
      if (!offset.isMissingNode() && !offset.isNull()) {
        try {
          return Long.parseLong(offset.asText().trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("continuation offset must be a number of ticks, was " + offset);
        }
      }
    }
    return null;
  }

  /** The member named {@code name} in any case, or a missing node. */
  private static JsonNode field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    JsonNode exact = node.get(name);
    if (exact != null) {
      return exact;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  /** A whole number, written as a number or (Java SDK) a string. */
  private static Integer integer(JsonNode node, String name) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    try {
      return Integer.valueOf(node.asText().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number of milliseconds, was " + node);
    }
  }
}
