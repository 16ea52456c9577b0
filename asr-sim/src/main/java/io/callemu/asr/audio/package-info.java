/**
 * Audio into the recognizer: WAV files ({@link io.callemu.asr.audio.WavReader}), G.711 µ-law and A-law
 * from RTP ({@link io.callemu.asr.audio.G711}, {@link io.callemu.asr.audio.G711FrameAssembler}) and
 * 8 → 16 kHz resampling ({@link io.callemu.asr.audio.Upsampler}), all ending as 16 kHz mono PCM.
 */
package io.callemu.asr.audio;
