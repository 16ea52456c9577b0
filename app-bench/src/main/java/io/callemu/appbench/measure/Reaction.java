package io.callemu.appbench.measure;

/**
 * The app's reaction to one callback: from the start of the callback's delivery to the app's next
 * request on that call, in real milliseconds.
 *
 * @param event the callback's type, e.g. {@code RecognizeFailed} ({@code IncomingCall} for the offer)
 * @param atWallTime real epoch ms of the callback's delivery
 */
public record Reaction(String event, double ms, long atWallTime) {
}
