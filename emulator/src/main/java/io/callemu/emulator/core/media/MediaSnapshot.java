package io.callemu.emulator.core.media;

import io.callemu.dtmf.DecodeResult;
import java.util.List;
import java.util.Map;

/**
 * A call's media as the control API shows it.
 *
 * @param continuousDtmf the continuous DTMF recognition in force, or null
 * @param rtp the call's RTP port and its counters, or null without a port
 */
public record MediaSnapshot(List<OperationSnapshot> operations, ContinuousDtmf continuousDtmf, Rtp rtp) {

  /** No media (the call ended). */
  public static final MediaSnapshot NONE = new MediaSnapshot(List.of(), null, null);

  /** Continuous DTMF recognition: whose keys, the context, and the last sequence id sent. */
  public record ContinuousDtmf(String targetRawId, String context, int lastSequenceId) {
  }

  /** The call's UDP port and what arrived there. */
  public record Rtp(String host, int port, int payloadType, int clockRate, long packetsReceived,
      long droppedOverRate, long droppedOversize, Map<DecodeResult, Long> decoded, long ssrcEvictions) {
  }
}
