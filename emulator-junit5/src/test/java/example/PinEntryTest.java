package example;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.CallAutomationClientBuilder;
import com.azure.communication.callautomation.CallAutomationEventParser;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.callautomation.models.CallMediaRecognizeDtmfOptions;
import com.azure.communication.callautomation.models.DtmfResult;
import com.azure.communication.callautomation.models.DtmfTone;
import com.azure.communication.callautomation.models.events.RecognizeCompleted;
import com.azure.communication.common.PhoneNumberIdentifier;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.sun.net.httpserver.HttpServer;
import io.callemu.emulator.Callemu;
import io.callemu.emulator.client.ControlClient;
import io.callemu.emulator.junit.CallemuExtension;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CallemuExtension.class) // one callemu for the class, virtual clock, reset before each test
class PinEntryTest {

  @Test
  void theCallerEntersAPin(Callemu callemu, ControlClient control) throws Exception {
    // The app's callback endpoint; a real test starts the app under test here instead.
    HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext("/callbacks", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    app.start();
    try {
      // The official Java SDK, trusting callemu's certificate for this client only.
      var trust = SslContextBuilder.forClient().trustManager(callemu.trustManagerFactory()).build();
      CallAutomationClient client = new CallAutomationClientBuilder()
          .connectionString(callemu.connectionString())
          .httpClient(new NettyAsyncHttpClientBuilder(
              reactor.netty.http.client.HttpClient.create().secure(tls -> tls.sslContext(trust))).build())
          .buildClient();
      PhoneNumberIdentifier caller = new PhoneNumberIdentifier("+15551234567");

      String callId = client.createCall(new CallInvite(caller, new PhoneNumberIdentifier("+15550000000")),
              "http://127.0.0.1:" + app.getAddress().getPort() + "/callbacks")
          .getCallConnectionProperties().getCallConnectionId();
      control.advance(1_000); // the callee's phone rings, then answers
      control.waitFor(callId, "CallConnected", 5_000);

      client.getCallConnection(callId).getCallMedia().startRecognizing(
          new CallMediaRecognizeDtmfOptions(caller, 4).setStopTones(List.of(DtmfTone.POUND)));
      control.dtmf(callId, Map.of("tones", "1234#")); // the caller presses keys
      control.advance(2_000);

      String event = control.waitFor(callId, "RecognizeCompleted", 5_000).path("event").toString();
      RecognizeCompleted completed = (RecognizeCompleted) CallAutomationEventParser.parseEvents("[" + event + "]").get(0);
      assertThat(((DtmfResult) completed.getRecognizeResult().get()).convertToString()).isEqualTo("1234");
    } finally {
      app.stop(0);
    }
  }
}
