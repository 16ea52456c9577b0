package io.callemu.emulator.surface.speech.usp;

import io.callemu.emulator.core.settings.Setting;

/**
 * Whether conversation and dictation turns get {@code speech.hypothesis} messages when the client's
 * {@code speech.context} does not ask for them or against them (interactive turns always get them).
 * The Bing-era protocol documents none in those modes; the service the Speech SDKs talk to sends them,
 * and the SDKs raise them as {@code recognizing} events in continuous recognition.
 */
public enum HypothesesPolicy implements Setting.Choice {
  /** Only to clients that introduce themselves as the Speech SDK in {@code speech.config} (the default). */
  SDK,
  /** To every client. */
  ALWAYS,
  /** To none, as the Bing-era protocol documents. */
  NEVER;
}
