package io.callemu.asr;

import java.util.Map;

/** Where words came from (a scripted utterance or an audio transcript): who said them, how sure, how names are written. */
record WordSource(String speakerRawId, Double confidence, Map<String, String> casing) {
}
