package io.callemu.emulator.surface.speech;

import io.vertx.core.http.HttpServerRequest;

/**
 * {@code POST /sts/v1.0/issueToken}: with the Speech key in {@code Ocp-Apim-Subscription-Key} (or, as
 * the older Bing samples send it, the {@code Subscription-Key} query parameter), 200 and a JWT as text,
 * valid for 10 minutes; 401 for a wrong key and 403 for none (CONTRACT section 7).
 */
final class TokenHandler {

  private final SpeechCredentials credentials;
  private final SpeechTokens tokens;
  private final SpeechJournal journal;

  TokenHandler(SpeechCredentials credentials, SpeechTokens tokens, SpeechJournal journal) {
    this.credentials = credentials;
    this.tokens = tokens;
    this.journal = journal;
  }

  void handle(HttpServerRequest req) {
    String key = req.getHeader("Ocp-Apim-Subscription-Key");
    if (key == null) {
      key = req.getParam("Subscription-Key");
    }
    int status;
    if (key == null || key.isEmpty()) {
      status = 403;
      SpeechReplies.refuse(req, status, "no Ocp-Apim-Subscription-Key header: issueToken needs the Speech key");
    } else if (!credentials.isKey(key)) {
      status = 401;
      SpeechReplies.refuse(req, status, "Access denied due to invalid subscription key: use callemu's Speech key"
          + " (--speech-key)");
    } else {
      status = 200;
      SpeechReplies.answerAfterBody(req, 200, "text/plain; charset=utf-8", tokens.issue());
    }
    journal.request(req.method().name(), req.path(), status, null);
  }
}
