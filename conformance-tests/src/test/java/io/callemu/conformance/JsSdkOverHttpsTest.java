package io.callemu.conformance;

import org.junit.jupiter.api.DisplayName;

/** The JS SDK 1.6.0 over HTTPS: the https connection string, trusting callemu's ca.pem via NODE_EXTRA_CA_CERTS. */
@DisplayName("JS SDK 1.6.0 over HTTPS")
class JsSdkOverHttpsTest extends JsSdkCallLifecycleTest {

  @Override
  String client() {
    return JS_HTTPS;
  }
}
