package io.callemu.bench.speech;

import io.callemu.bench.asr.SpeechLikeAudio;
import io.callemu.emulator.surface.speech.recognition.SpeechMode;
import io.callemu.emulator.surface.speech.recognition.SpeechTranscripts;
import io.callemu.emulator.surface.speech.recognition.Transcript;
import io.callemu.emulator.surface.speech.usp.ConnectionParameters;
import io.callemu.emulator.surface.speech.usp.HypothesesPolicy;
import io.callemu.emulator.surface.speech.usp.SessionOutput;
import io.callemu.emulator.surface.speech.usp.SpeechSession;
import io.callemu.emulator.surface.speech.usp.TurnRecord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * callemu's own work for one Speech SDK audio message (3200 bytes, 100 ms of 16 kHz PCM) in a continuous
 * WebSocket turn, without the network: framing, WAV decoding and hashing, voice activity, segmentation,
 * the words of each utterance from the transcript queue, and the service messages written (hypotheses,
 * phrases). A session streaming at 2× real time sends 20 such messages a second, so 5 µs per message is
 * 0.01 % of a core per session. The audio loops phrases of 1.5 s and pauses of 1 s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpeechMessageBenchmark {

  private static final int CHUNK = 3_200;
  private static final String REQUEST_ID = "0123456789abcdef0123456789abcdef";

  private byte[][] messages;
  private int next;
  private SpeechSession session;

  @Setup
  public void setUp(Blackhole blackhole) {
    short[] audio = SpeechLikeAudio.tenSeconds();
    ByteBuffer pcm = ByteBuffer.allocate(audio.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : audio) {
      pcm.putShort(s);
    }
    messages = new byte[pcm.capacity() / CHUNK][];
    for (int i = 0; i < messages.length; i++) {
      messages[i] = message(java.util.Arrays.copyOfRange(pcm.array(), i * CHUNK, (i + 1) * CHUNK));
    }
    SpeechTranscripts transcripts = new SpeechTranscripts();
    for (int i = 0; i < 100; i++) {
      transcripts.add(new Transcript("remind me to buy five pencils", null));
    }
    SessionOutput output = new SessionOutput() {
      @Override
      public void send(String message) {
        if (message.startsWith("Path: speech.phrase")) {
          transcripts.add(new Transcript("remind me to buy five pencils", null)); // one per utterance, for ever
        }
        blackhole.consume(message);
      }

      @Override
      public void close(int code, String reason) {
        throw new IllegalStateException("the session closed: " + code + " " + reason);
      }

      @Override
      public void turnEnded(TurnRecord record) {
        blackhole.consume(record);
      }
    };
    session = new SpeechSession(ConnectionParameters.parse(SpeechMode.CONVERSATION, Map.of("language", "en-US")::get,
        null), transcripts, Long.MAX_VALUE, HypothesesPolicy.ALWAYS, () -> null, System::currentTimeMillis, output);
    byte[] header = new byte[44];
    ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    h.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16).putShort((short) 1)
        .putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
        .put("data".getBytes()).putInt(0);
    session.onBinary(message(header));
  }

  private static byte[] message(byte[] payload) {
    byte[] headers = ("Path: audio\r\nX-RequestId: " + REQUEST_ID + "\r\nX-Timestamp: 2026-01-01T00:00:00.000Z\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(2 + headers.length + payload.length).putShort((short) headers.length).put(headers)
        .put(payload).array();
  }

  @Benchmark
  public boolean audioMessage() {
    byte[] m = messages[next];
    next = next + 1 == messages.length ? 0 : next + 1;
    session.onBinary(m);
    return session.isClosed();
  }
}
