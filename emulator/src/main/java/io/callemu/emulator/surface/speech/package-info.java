/**
 * The Speech-to-text surface (CONTRACT section 7): the REST API for short audio, the token service
 * {@code /sts/v1.0/issueToken} and the Speech SDKs' WebSocket protocol, on both ports, with the
 * transcripts that say what callers say ({@code /_emulator/speech/transcripts}, scenarios'
 * {@code speechTranscripts}). The Vert.x adapters here stay thin: recognition lives in
 * {@code recognition}, the WebSocket protocol in {@code usp}, neither with a Vert.x type.
 */
package io.callemu.emulator.surface.speech;
