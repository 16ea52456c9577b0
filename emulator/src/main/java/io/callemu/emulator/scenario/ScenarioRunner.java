package io.callemu.emulator.scenario;

import io.callemu.emulator.call.Call;
import io.callemu.emulator.call.CallService;
import io.vertx.core.json.JsonObject;

/** Carries out scenario actions for the remote party when their trigger happens. */
public final class ScenarioRunner {

  private final Scenarios scenarios;
  private final CallService calls;

  public ScenarioRunner(Scenarios scenarios, CallService calls) {
    this.scenarios = scenarios;
    this.calls = calls;
    calls.onConnected(this::callConnected);
  }

  private void callConnected(Call call) {
    // match compares the fields of the request that made the call.
    JsonObject facts = new JsonObject()
        .put("operationContext", call.operationContext())
        .put("callbackUri", call.callbackUri())
        .put("direction", call.direction().name().toLowerCase(java.util.Locale.ROOT));
    if (!call.targets().isEmpty()) {
      facts.put("target", call.targets().get(0).rawId());
    }
    for (ScenarioRule rule : scenarios.fire("callConnected", facts)) {
      for (ScenarioRule.Action action : rule.actions()) {
        calls.schedule(call, action.delayMs(), () -> run(action, call));
      }
    }
  }

  private void run(ScenarioRule.Action action, Call call) {
    if (action.kind().equals("hangup")) {
      calls.hangUpByRemote(call);
    }
  }
}
