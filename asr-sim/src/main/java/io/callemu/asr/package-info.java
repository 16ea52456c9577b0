/** Simulated speech recognizer (placeholder until its issue lands). */
package io.callemu.asr;
