package io.callemu.emulator.surface.speech.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callemu.emulator.surface.speech.SpeechAudio;
import io.callemu.emulator.surface.speech.recognition.BadAudioException.Problem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WavStreamDecoderTest {

  private final List<short[]> frames = new ArrayList<>();
  private final WavStreamDecoder decoder = new WavStreamDecoder(f -> frames.add(f.clone()), 60_000);

  private void feedInPieces(byte[] bytes, int piece) throws BadAudioException {
    for (int at = 0; at < bytes.length; at += piece) {
      decoder.feed(bytes, at, Math.min(piece, bytes.length - at));
    }
  }

  private short[] samples() {
    short[] all = new short[frames.size() * WavStreamDecoder.FRAME_SAMPLES];
    for (int i = 0; i < frames.size(); i++) {
      System.arraycopy(frames.get(i), 0, all, i * WavStreamDecoder.FRAME_SAMPLES, WavStreamDecoder.FRAME_SAMPLES);
    }
    return all;
  }

  @Test
  void aWholeFileGivesItsSamplesIn20MsFramesWhateverThePieces() throws Exception {
    SpeechAudio audio = SpeechAudio.pcm16k().silence(100).voice(200).silence(50);
    for (int piece : new int[] {1, 3, 7, 44, 3200, 1 << 20}) {
      frames.clear();
      WavStreamDecoder d = new WavStreamDecoder(f -> frames.add(f.clone()), 60_000);
      byte[] wav = audio.wav();
      for (int at = 0; at < wav.length; at += piece) {
        d.feed(wav, at, Math.min(piece, wav.length - at));
      }
      d.end();
      assertThat(frames).as("piece %d", piece).hasSize(350 / 20 + 1);
      assertThat(d.audioMillis()).isEqualTo(350);
      assertThat(d.pcmSha256()).isEqualTo(audio.sha256());
    }
  }

  @Test
  void theLastPartialFrameIsPaddedWithSilence() throws Exception {
    byte[] pcm = SpeechAudio.pcm16k().voice(30).wav();
    decoder.feed(pcm, 0, pcm.length);
    decoder.end();
    assertThat(frames).hasSize(2);
    assertThat(frames.get(1)[160]).isZero();
    assertThat(frames.get(1)[159]).isNotZero();
  }

  @Test
  void streamingHeadersWithZeroSizesAndThe46ByteFormRunToTheEnd() throws Exception {
    SpeechAudio audio = SpeechAudio.pcm16k().voice(400);
    for (byte[] wav : List.of(audio.streamingWav(), audio.wav46())) {
      frames.clear();
      WavStreamDecoder d = new WavStreamDecoder(f -> frames.add(f.clone()), 60_000);
      d.feed(wav, 0, wav.length);
      d.end();
      assertThat(frames).hasSize(20);
      assertThat(d.pcmSha256()).isEqualTo(audio.sha256());
    }
    assertThat(audio.wav46()).hasSize(46 + 400 * 32);
  }

  @Test
  void eightKilohertzIsResampledAndStereoMixedDown() throws Exception {
    byte[] wav = SpeechAudio.pcm(8_000, 2).voice(100).wav();
    decoder.feed(wav, 0, wav.length);
    decoder.end();
    assertThat(frames).hasSize(5); // 100 ms at 16 kHz
    assertThat(decoder.audioMillis()).isEqualTo(100);
    short[] s = samples();
    // every odd sample lies between its neighbours (linear interpolation)
    for (int i = 1; i + 1 < 1600; i += 2) {
      assertThat(s[i]).isBetween((short) Math.min(s[i - 1], s[i + 1]), (short) Math.max(s[i - 1], s[i + 1]));
    }
  }

  @Test
  void chunksBeforeAndAfterTheSamplesAreSkippedAndAKnownDataSizeIsHonoured() throws Exception {
    SpeechAudio audio = SpeechAudio.pcm16k().voice(100);
    byte[] wav = audio.wav();
    byte[] list = chunk("LIST", new byte[] {1, 2, 3}); // odd size: one pad byte follows
    byte[] withChunks = SpeechAudio.concat(Arrays.copyOfRange(wav, 0, 36), list, Arrays.copyOfRange(wav, 36, wav.length),
        chunk("LIST", new byte[100]));
    decoder.feed(withChunks, 0, withChunks.length);
    decoder.end();
    assertThat(frames).hasSize(5);
    assertThat(decoder.pcmSha256()).isEqualTo(audio.sha256());
  }

  @Test
  void notARiffStreamIsRefused() {
    byte[] text = "hello, this is not audio at all".getBytes();
    assertThatThrownBy(() -> decoder.feed(text, 0, text.length))
        .isInstanceOfSatisfying(BadAudioException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_WAV));
  }

  @Test
  void unsupportedEncodingsAreRefusedSayingWhatIsAccepted() {
    for (int[] format : new int[][] {{1, 1, 44_100, 16}, {1, 1, 16_000, 8}, {7, 1, 8_000, 8}, {1, 3, 16_000, 16}}) {
      byte[] header = header(format[0], format[1], format[2], format[3]);
      WavStreamDecoder d = new WavStreamDecoder(f -> { }, 60_000);
      assertThatThrownBy(() -> d.feed(header, 0, header.length))
          .isInstanceOfSatisfying(BadAudioException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.UNSUPPORTED_FORMAT);
            assertThat(e.getMessage()).contains("16-bit PCM WAV at 8 or 16 kHz");
          });
    }
  }

  @Test
  void aStreamEndingInsideItsHeaderOrShortOfItsDataIsTruncated() throws Exception {
    byte[] wav = SpeechAudio.pcm16k().voice(100).wav();
    decoder.feed(wav, 0, 30);
    assertThatThrownBy(decoder::end).isInstanceOfSatisfying(BadAudioException.class,
        e -> assertThat(e.problem()).isEqualTo(Problem.TRUNCATED));

    WavStreamDecoder d = new WavStreamDecoder(f -> { }, 60_000);
    d.feed(wav, 0, wav.length - 100);
    assertThatThrownBy(d::end).isInstanceOfSatisfying(BadAudioException.class,
        e -> assertThat(e.getMessage()).contains("declares 3200 bytes of samples but only 3100 follow"));

    WavStreamDecoder empty = new WavStreamDecoder(f -> { }, 60_000);
    assertThatThrownBy(empty::end).hasMessageContaining("empty");
  }

  @Test
  void aHeaderWithoutSamplesIsAnEmptyButValidStream() throws Exception {
    byte[] header = SpeechAudio.pcm16k().streamingHeader();
    decoder.feed(header, 0, header.length);
    decoder.end();
    assertThat(frames).isEmpty();
    assertThat(decoder.audioMillis()).isZero();
  }

  @Test
  void audioBeyondTheLimitIsTooLong() {
    WavStreamDecoder d = new WavStreamDecoder(f -> { }, 1_000);
    byte[] wav = SpeechAudio.pcm16k().silence(1_100).streamingWav();
    assertThatThrownBy(() -> d.feed(wav, 0, wav.length)).isInstanceOfSatisfying(BadAudioException.class,
        e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LONG));
  }

  @Test
  void malformedHeadersAreRefused() {
    byte[] dataFirst = SpeechAudio.concat(Arrays.copyOfRange(SpeechAudio.pcm16k().wav(), 0, 12), chunk("data", new byte[4]));
    assertThatThrownBy(() -> decoder.feed(dataFirst, 0, dataFirst.length)).hasMessageContaining("before its fmt chunk");
    byte[] hugeFmt = SpeechAudio.concat(Arrays.copyOfRange(SpeechAudio.pcm16k().wav(), 0, 12), chunk("fmt ", new byte[200]));
    WavStreamDecoder d = new WavStreamDecoder(f -> { }, 60_000);
    assertThatThrownBy(() -> d.feed(hugeFmt, 0, hugeFmt.length)).hasMessageContaining("fmt chunk has 200 bytes");
    byte[] noData = SpeechAudio.concat(Arrays.copyOfRange(SpeechAudio.pcm16k().wav(), 0, 12),
        chunk("JUNK", new byte[WavStreamDecoder.MAX_HEADER_BYTES]));
    WavStreamDecoder e = new WavStreamDecoder(f -> { }, 60_000);
    assertThatThrownBy(() -> e.feed(noData, 0, noData.length)).hasMessageContaining("no WAV data chunk");
  }

  private static byte[] chunk(String id, byte[] content) {
    ByteBuffer b = ByteBuffer.allocate(8 + content.length + (content.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
    b.put(id.getBytes()).putInt(content.length).put(content);
    return b.array();
  }

  private static byte[] header(int tag, int channels, int rate, int bits) {
    ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    int align = channels * bits / 8;
    b.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
        .putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * align)
        .putShort((short) align).putShort((short) bits).put("data".getBytes()).putInt(0);
    return b.array();
  }
}
