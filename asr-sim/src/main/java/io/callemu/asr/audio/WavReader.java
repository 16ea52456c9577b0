package io.callemu.asr.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads a WAV file with {@code javax.sound.sampled} into {@link PcmAudio}: 8 or 16 kHz, 16-bit signed
 * PCM, mono or stereo. Stereo is mixed down to mono and 8 kHz is resampled to 16 kHz ({@link Upsampler}). Anything else,
 * a file shorter than its header declares, a file longer than the limit, or one without samples is
 * refused with an {@link InvalidAudioException} that says which.
 */
public final class WavReader {

    /** The longest audio read by default: ten minutes, the Speech service's longest connection. */
    public static final long DEFAULT_MAX_MILLIS = 10 * 60 * 1000L;

    private WavReader() {
    }

    public static PcmAudio read(byte[] wav) {
        return read(wav, DEFAULT_MAX_MILLIS);
    }

    public static PcmAudio read(byte[] wav, long maxMillis) {
        if (wav == null || wav.length == 0) {
            throw new InvalidAudioException("audio is empty: expected a WAV file");
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            return decode(in, maxMillis);
        } catch (UnsupportedAudioFileException e) {
            throw new InvalidAudioException("audio is not a WAV file javax.sound can read", e);
        } catch (IOException e) {
            throw new InvalidAudioException("audio could not be read: " + e.getMessage(), e);
        }
    }

    private static PcmAudio decode(AudioInputStream in, long maxMillis) throws IOException {
        AudioFormat f = in.getFormat();
        int rate = Math.round(f.getSampleRate());
        if (f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.getSampleSizeInBits() != 16) {
            throw new InvalidAudioException("unsupported audio encoding " + f.getEncoding() + " "
                    + f.getSampleSizeInBits() + "-bit: expected 16-bit signed PCM");
        }
        if (rate != 8000 && rate != PcmAudio.SAMPLE_RATE) {
            throw new InvalidAudioException("unsupported sample rate " + rate + " Hz: expected 8000 or 16000");
        }
        int channels = f.getChannels();
        if (channels != 1 && channels != 2) {
            throw new InvalidAudioException("unsupported channel count " + channels + ": expected mono or stereo");
        }
        int frameBytes = 2 * channels;
        long maxBytes = maxMillis * rate / 1000 * frameBytes;
        // one frame past the limit tells "too long" apart; AudioInputStream reads whole frames only, and
        // asked for part of one it returns 0 for ever, so every request is a whole number of frames
        long request = Math.min(maxBytes + frameBytes, (Integer.MAX_VALUE - 16) / frameBytes * (long) frameBytes);
        byte[] data = in.readNBytes((int) request);
        if (data.length > maxBytes) {
            throw new InvalidAudioException("audio is longer than the limit of " + maxMillis + " ms");
        }
        long declaredBytes = in.getFrameLength() * frameBytes;
        // streaming writers declare 0xFFFFFFFF ("until the end"): only a real length can be short
        boolean lengthKnown = in.getFrameLength() != AudioSystem.NOT_SPECIFIED && declaredBytes < 0xFFFFFFFFL - frameBytes;
        if (data.length % frameBytes != 0 || (lengthKnown && data.length < declaredBytes)) {
            throw new InvalidAudioException("audio is truncated: the header declares " + declaredBytes
                    + " bytes of samples but only " + data.length + " follow");
        }
        if (data.length == 0) {
            throw new InvalidAudioException("audio holds no samples");
        }
        short[] mono = toMono(data, channels, f.isBigEndian());
        return PcmAudio.of(rate == PcmAudio.SAMPLE_RATE ? mono : Upsampler.upsample(mono));
    }

    private static short[] toMono(byte[] data, int channels, boolean bigEndian) {
        int frames = data.length / (2 * channels);
        short[] out = new short[frames];
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * 2;
                sum += bigEndian
                        ? (short) ((data[at] << 8) | (data[at + 1] & 0xff))
                        : (short) ((data[at + 1] << 8) | (data[at] & 0xff));
            }
            out[i] = (short) (sum / channels);
        }
        return out;
    }
}
