package io.callemu.emulator.core.call;

/** Why a call ended. */
public enum EndCause {
  /** The app hung up or terminated the call. */
  APP_HUNG_UP,
  /** The remote party hung up a connected call. */
  REMOTE_HUNG_UP,
  /** The remote party hung up while the outbound call rang. */
  DECLINED,
  /** The call could not be set up (an answer that came too late or named an unknown call). */
  SETUP_FAILED,
  /** An offered call was not answered in time. */
  NOT_ANSWERED,
  /** The app rejected or redirected an offered call. */
  DISMISSED,
  /** The control API's reset dropped it; nothing was told. */
  RESET
}
