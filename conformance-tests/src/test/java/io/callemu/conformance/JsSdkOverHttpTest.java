package io.callemu.conformance;

import org.junit.jupiter.api.DisplayName;

/** The JS SDK 1.6.0 over plain HTTP: the http connection string and {@code allowInsecureConnection: true}. */
@DisplayName("JS SDK 1.6.0 over HTTP")
class JsSdkOverHttpTest extends JsSdkCallLifecycleTest {

  @Override
  String client() {
    return JS_HTTP;
  }
}
