package io.callemu.asr.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callemu.asr.Hypothesis;
import io.callemu.asr.NBestEntry;
import io.callemu.asr.RecognitionResult;
import io.callemu.asr.RecognitionStatus;
import io.callemu.asr.RecognizerConfig;
import io.callemu.asr.RecordingListener;
import io.callemu.asr.StreamingRecognizer;
import io.callemu.asr.Utterance;
import io.callemu.asr.Word;
import io.callemu.asr.text.TextForms;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writers against the reference's samples, byte for byte, and against a real JSON parser. */
class WireFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void transcriptionMetadataIsExactlyTheReferenceSample() {
        String frame = TranscriptionFrames.appendMetadata(new StringBuilder(), "0000a000-9999-5555-ae00-cd00e0bc0000",
                "en-US", "6d09449c-6677-4f91-8cb7-012c338e6ec1", "6d09449c-6677-4f91-8cb7-012c338e6ec1",
                "0000a000-9999-5555-ae00-cd00e0bc0001").toString();
        assertThat(frame).isEqualTo("{\"kind\":\"TranscriptionMetadata\",\"transcriptionMetadata\":{"
                + "\"subscriptionId\":\"0000a000-9999-5555-ae00-cd00e0bc0000\",\"locale\":\"en-US\","
                + "\"callConnectionId\":\"6d09449c-6677-4f91-8cb7-012c338e6ec1\","
                + "\"correlationId\":\"6d09449c-6677-4f91-8cb7-012c338e6ec1\","
                + "\"speechRecognitionModelEndpointId\":\"0000a000-9999-5555-ae00-cd00e0bc0001\"}}");
    }

    @Test
    void transcriptionMetadataLeavesOutAMissingModelEndpoint() throws Exception {
        JsonNode frame = JSON.readTree(TranscriptionFrames.appendMetadata(new StringBuilder(), "s", "en-GB", "c", "r", null).toString());
        assertThat(frame.path("transcriptionMetadata").has("speechRecognitionModelEndpointId")).isFalse();
        assertThat(frame.path("transcriptionMetadata").path("locale").asText()).isEqualTo("en-GB");
    }

    @Test
    void transcriptionDataIsExactlyTheReferenceSample() {
        RecognitionResult result = new RecognitionResult(RecognitionStatus.SUCCESS, 212483227, 9600000,
                List.of(new NBestEntry(0.922650933265686,
                        new TextForms("hello everyone", "hello everyone", "hello everyone", "Hello everyone."),
                        List.of(new Word("hello", 212483227, 2800000), new Word("everyone", 215283227, 6800000)))),
                "4:+000000000000", null);

        String frame = TranscriptionFrames.appendFinal(new StringBuilder(), result, ResultStatusCasing.CAPITALIZED).toString();

        assertThat(frame).isEqualTo("{\"kind\":\"TranscriptionData\",\"transcriptionData\":{\"text\":\"Hello everyone.\","
                + "\"format\":\"display\",\"confidence\":0.922650933265686,\"offset\":212483227,\"duration\":9600000,"
                + "\"words\":[{\"text\":\"hello\",\"offset\":212483227,\"duration\":2800000},"
                + "{\"text\":\"everyone\",\"offset\":215283227,\"duration\":6800000}],"
                + "\"participantRawID\":\"4:+000000000000\",\"resultStatus\":\"Final\"}}");
    }

    @Test
    void resultStatusCasingIsSwitchable() throws Exception {
        Hypothesis h = new Hypothesis("pay my", 10_000_000, 3_000_000, List.of(new Word("pay", 10_000_000, 1_500_000),
                new Word("my", 11_500_000, 1_500_000)), "8:acs:x");
        JsonNode lower = JSON.readTree(TranscriptionFrames.appendIntermediate(new StringBuilder(), h, ResultStatusCasing.LOWER_CASE).toString());
        JsonNode capital = JSON.readTree(TranscriptionFrames.appendIntermediate(new StringBuilder(), h, ResultStatusCasing.CAPITALIZED).toString());

        assertThat(lower.path("transcriptionData").path("resultStatus").asText()).isEqualTo("intermediate");
        assertThat(capital.path("transcriptionData").path("resultStatus").asText()).isEqualTo("Intermediate");
        assertThat(capital.path("transcriptionData").path("text").asText()).isEqualTo("pay my");
        assertThat(capital.path("transcriptionData").path("words")).hasSize(2);
        assertThat(ResultStatusCasing.parse("final")).isEqualTo(ResultStatusCasing.LOWER_CASE);
        assertThat(ResultStatusCasing.parse("Final")).isEqualTo(ResultStatusCasing.CAPITALIZED);
        assertThatThrownBy(() -> ResultStatusCasing.parse("FINAL")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecognisedPhraseRendersAndParsesWithTicksFromStreamStart() throws Exception {
        RecordingListener heard = new RecordingListener();
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.builder()
                .defaultSpeakerRawId("4:+15551234567").initialSilenceTimeoutMs(0).build(), heard);
        r.schedule(new Utterance("Hello everyone", 21_248, 960L, null, null));
        r.advanceTo(30_000);

        JsonNode data = JSON.readTree(TranscriptionFrames.appendFinal(new StringBuilder(), heard.onlyResult(),
                ResultStatusCasing.CAPITALIZED).toString()).path("transcriptionData");
        assertThat(data.path("text").asText()).isEqualTo("Hello everyone.");
        assertThat(data.path("offset").asLong()).isEqualTo(212_480_000L);
        assertThat(data.path("duration").asLong()).isEqualTo(9_600_000L);
        assertThat(data.path("words").get(1).path("text").asText()).isEqualTo("everyone");
        assertThat(data.path("participantRawID").asText()).isEqualTo("4:+15551234567");
        assertThat(data.path("confidence").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void onlyASuccessHasATranscriptionFrame() {
        RecognitionResult noMatch = noMatch();
        assertThatThrownBy(() -> TranscriptionFrames.appendFinal(new StringBuilder(), noMatch, ResultStatusCasing.CAPITALIZED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO_MATCH");
    }

    @Test
    void stringsAreEscapedSoAnyTextParsesBack() throws Exception {
        String nasty = "quote\" backslash\\ slash/ newline\n tab\t cr\r bell\u0007 nul\u0000 ls\u2028 é 😀 lone\ud800 end";
        String frame = TranscriptionFrames.appendData(new StringBuilder(), nasty, 0.5, 0, 0, List.of(new Word(nasty, 1, 2)),
                nasty, true, ResultStatusCasing.CAPITALIZED).toString();

        JsonNode data = JSON.readTree(frame).path("transcriptionData");
        String expected = nasty.replace('\ud800', '\ufffd');
        assertThat(data.path("text").asText().replace('\ud800', '\ufffd')).isEqualTo(expected);
        assertThat(data.path("participantRawID").asText().replace('\ud800', '\ufffd')).isEqualTo(expected);
        assertThat(frame).doesNotContain("\n").contains("\\u0007").contains("\\u0000").contains("\\ud800").contains("😀");
    }

    @Test
    void aNullSpeakerIsJsonNullAndNonFiniteConfidenceIsRefused() throws Exception {
        String frame = TranscriptionFrames.appendData(new StringBuilder(), "x", 1.0, 0, 0, List.of(), null, true,
                ResultStatusCasing.CAPITALIZED).toString();
        assertThat(JSON.readTree(frame).path("transcriptionData").path("participantRawID").isNull()).isTrue();
        assertThatThrownBy(() -> TranscriptionFrames.appendData(new StringBuilder(), "x", Double.NaN, 0, 0, List.of(),
                null, true, ResultStatusCasing.CAPITALIZED)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "0.0, 0.0", "1.0, 1.0", "0.5, 0.5", "0.05, 0.05", "0.000001, 0.000001", "0.98503506, 0.98503506",
        "0.922650933265686, 0.922650933265686", "1e-16, 0.0", "0.9999999999999999, 1.0", "0.123456789012345678, 0.123456789012346"})
    void confidencesAreWrittenWithUpToFifteenDecimals(double value, String written) {
        StringBuilder sb = new StringBuilder();
        Json.unitInterval(sb, value);
        assertThat(sb.toString()).isEqualTo(written);
        assertThat(Double.parseDouble(written)).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void confidencesOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> Json.unitInterval(new StringBuilder(), -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.unitInterval(new StringBuilder(), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReusedBuilderHoldsOnlyTheNewFrame() throws Exception {
        StringBuilder sb = new StringBuilder();
        TranscriptionFrames.appendData(sb, "first", 0.9, 1, 2, List.of(), "a", true, ResultStatusCasing.CAPITALIZED);
        sb.setLength(0);
        TranscriptionFrames.appendData(sb, "second", 0.9, 1, 2, List.of(), "a", true, ResultStatusCasing.CAPITALIZED);
        assertThat(JSON.readTree(sb.toString()).path("transcriptionData").path("text").asText()).isEqualTo("second");
    }

    @Test
    void speechSimpleBodyIsExactlyTheReferenceSample() {
        RecognitionResult result = new RecognitionResult(RecognitionStatus.SUCCESS, 1236645672289L, 1236645672289L,
                List.of(new NBestEntry(0.9, new TextForms("remind me to buy five pencils", "remind me to buy 5 pencils",
                        "remind me to buy 5 pencils", "Remind me to buy 5 pencils."), List.of())), null, null);
        assertThat(SpeechResponses.appendSimple(new StringBuilder(), result).toString()).isEqualTo(
                "{\"RecognitionStatus\":\"Success\",\"DisplayText\":\"Remind me to buy 5 pencils.\","
                        + "\"Offset\":1236645672289,\"Duration\":1236645672289}");
    }

    @Test
    void speechDetailedBodyIsExactlyTheReferenceSample() {
        RecognitionResult result = new RecognitionResult(RecognitionStatus.SUCCESS, 700000, 8400000,
                List.of(new NBestEntry(0.98503506, new TextForms("good morning", "good morning", "good morning",
                        "Good morning."), List.of(new Word("good", 700000, 3000000), new Word("morning", 3700000, 5400000)))),
                null, null);
        assertThat(SpeechResponses.appendDetailed(new StringBuilder(), result, false).toString()).isEqualTo(
                "{\"RecognitionStatus\":\"Success\",\"Offset\":700000,\"Duration\":8400000,\"DisplayText\":\"Good morning.\","
                        + "\"NBest\":[{\"Confidence\":0.98503506,\"Lexical\":\"good morning\",\"ITN\":\"good morning\","
                        + "\"MaskedITN\":\"good morning\",\"Display\":\"Good morning.\"}]}");
    }

    @Test
    void speechDetailedBodyCanCarryWordsAndEveryAlternative() throws Exception {
        RecordingListener heard = new RecordingListener();
        for (long seed = 0; heard.results.isEmpty() || heard.results.get(heard.results.size() - 1).nBest().size() < 3; seed++) {
            StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.builder().seed(seed).build(), heard);
            r.schedule(Utterance.at(1000, "I want to pay my bill"));
            r.advanceTo(5000);
        }
        RecognitionResult result = heard.results.get(heard.results.size() - 1);

        JsonNode body = JSON.readTree(SpeechResponses.appendDetailed(new StringBuilder(), result, true).toString());
        assertThat(body.path("RecognitionStatus").asText()).isEqualTo("Success");
        assertThat(body.path("DisplayText").asText()).isEqualTo("I want to pay my bill.");
        assertThat(body.path("NBest")).hasSize(3);
        assertThat(body.path("NBest").get(0).path("Display").asText()).isEqualTo("I want to pay my bill.");
        JsonNode words = body.path("NBest").get(0).path("Words");
        assertThat(words).hasSize(6);
        assertThat(words.get(0).path("Word").asText()).isEqualTo("i");
        assertThat(words.get(0).path("Offset").asLong()).isEqualTo(10_000_000L);
    }

    @Test
    void speechHypothesisBodyHasTextOffsetAndDurationAsNumbers() {
        Hypothesis h = new Hypothesis("remind me \"5\"", 5_000_000, 6_000_000, List.of(), null);
        assertThat(SpeechResponses.appendHypothesis(new StringBuilder(), h).toString())
                .isEqualTo("{\"Text\":\"remind me \\\"5\\\"\",\"Offset\":5000000,\"Duration\":6000000}");
    }

    @Test
    void otherStatusesHaveNoDisplayTextAndNoNBest() throws Exception {
        for (RecognitionStatus status : List.of(RecognitionStatus.NO_MATCH, RecognitionStatus.INITIAL_SILENCE_TIMEOUT,
                RecognitionStatus.BABBLE_TIMEOUT, RecognitionStatus.ERROR)) {
            RecognitionResult r = new RecognitionResult(status, 50_000_000, 0, List.of(), null, null);
            JsonNode simple = JSON.readTree(SpeechResponses.appendSimple(new StringBuilder(), r).toString());
            JsonNode detailed = JSON.readTree(SpeechResponses.appendDetailed(new StringBuilder(), r, true).toString());
            assertThat(simple.path("RecognitionStatus").asText()).isEqualTo(status.wireName());
            assertThat(simple.has("DisplayText")).isFalse();
            assertThat(detailed.has("DisplayText")).isFalse();
            assertThat(detailed.has("NBest")).isFalse();
            assertThat(detailed.path("Offset").asLong()).isEqualTo(50_000_000L);
        }
        assertThat(RecognitionStatus.INITIAL_SILENCE_TIMEOUT.wireName()).isEqualTo("InitialSilenceTimeout");
        assertThat(RecognitionStatus.BABBLE_TIMEOUT.wireName()).isEqualTo("BabbleTimeout");
    }

    @Test
    void resultsKeepTheirInvariants() {
        assertThatThrownBy(() -> new RecognitionResult(RecognitionStatus.SUCCESS, 0, 0, List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NBestEntry(1.2, new TextForms("a", "a", "a", "A."), List.of()))
                .hasMessageContaining("0..1");
    }

    private static RecognitionResult noMatch() {
        return new RecognitionResult(RecognitionStatus.NO_MATCH, 0, 10, List.of(), null, null);
    }
}
