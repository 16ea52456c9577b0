// A Graph bot's outbound side as the official JS clients build it: @azure/identity 4.14.1
// (ClientSecretCredential against callemu's Entra ID stand-in) and @microsoft/microsoft-graph-client
// 3.0.7 (TokenCredentialAuthenticationProvider, baseUrl and customHosts at callemu's HTTPS origin),
// trusting callemu's certificate through NODE_EXTRA_CA_CERTS. jose checks tokens against a JWKS as
// a bot would. Remote-controlled by the JUnit tests with JSON-line commands (harness.mjs).
//
// The same process is the bot's notification endpoint (loopback, ephemeral port):
//   POST /notifications/<tag>  commsNotifications; each one's bearer token is checked as a bot does
//                              (jose against the keys of the configured OpenID configuration,
//                              issuer https://api.botframework.com, audience the bot's client id)
//                              and recorded with the verdict; answered 202.
//
// Ops (each reply's "wire" lists the HTTP exchanges made for it):
//   token      {authorityHost, tenantId, clientId, clientSecret, scopes?}   -> {token, expiresOnTimestamp}
//   graphGet   {baseUrl, path, version?, tenantId, clientId, clientSecret}  -> the Graph response body
//   graphGet   {baseUrl, path, version?, accessToken}                        -> the same with a given token
//   graph      {baseUrl, method, path, body?, version?, raw?, ...credential} -> raw: {status, location, body};
//                                                                              else the body (errors as GraphError)
//   verify     {token, jwksUri, issuer, audience}                            -> {header, payload}
//   bot        {openIdConfiguration, audience}                               -> {notificationBaseUrl}
//   notifications {tag, count?, timeoutMs?}  -> the tag's notifications once there are count: [{body, verified, claims?, error?}]
//   download   {url, token?}                                                 -> {status, contentType, base64}
//
// Errors: identity errors come back as the credential throws them (name, message); Graph errors as
// GraphError (statusCode, code, message, details: {requestId, date, body}).
import { ClientSecretCredential } from "@azure/identity";
import { Client, ResponseType } from "@microsoft/microsoft-graph-client";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { bodyServer, commandContext, listen, record, serveCommands, waitFor } from "./harness.mjs";

const GRAPH_SCOPE = "https://graph.microsoft.com/.default";

// @azure/identity's requests (the OIDC document, the token request) pass this pipeline policy.
const captureWirePolicy = {
  name: "callemuConformanceCaptureWire",
  async sendRequest(request, next) {
    const exchange = { client: "identity", method: request.method, url: request.url,
      requestHeaders: request.headers.toJSON({ preserveCase: true }) };
    commandContext.getStore()?.wire.push(exchange);
    const response = await next(request);
    exchange.status = response.status;
    exchange.responseBody = response.bodyAsText ?? undefined;
    return response;
  },
};

// The Graph client sends through the global fetch: wrap it to see its requests too.
const originalFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const request = new Request(input, init);
  const exchange = { client: "graph", method: request.method, url: request.url,
    requestHeaders: Object.fromEntries(request.headers.entries()) };
  commandContext.getStore()?.wire.push(exchange);
  const response = await originalFetch(input, init);
  exchange.status = response.status;
  exchange.responseHeaders = Object.fromEntries(response.headers.entries());
  return response;
};

function credential(cmd) {
  return new ClientSecretCredential(cmd.tenantId, cmd.clientId, cmd.clientSecret, {
    authorityHost: cmd.authorityHost,
    // Otherwise MSAL asks login.microsoftonline.com first (official-clients.md 2.1).
    disableInstanceDiscovery: true,
    additionalPolicies: [{ policy: captureWirePolicy, position: "perRetry" }],
  });
}

function graphClient(cmd) {
  const authProvider = cmd.accessToken !== undefined
    ? { getAccessToken: async () => cmd.accessToken }
    : new TokenCredentialAuthenticationProvider(credential({ ...cmd, authorityHost: cmd.authorityHost ?? cmd.baseUrl }),
        { scopes: [GRAPH_SCOPE] });
  // Authorization is only sent to https hosts in customHosts (official-clients.md 1.1): a bare host name.
  return Client.initWithMiddleware({ authProvider, baseUrl: cmd.baseUrl,
    customHosts: new Set([new URL(cmd.baseUrl).hostname]) });
}

// ---- the bot's notification endpoint -------------------------------------------------------

const notifications = []; // {tag, body, verified, claims?, error?}
let botValidation; // {jwks, audience}

async function receive(tag, headers, text) {
  const entry = { tag, body: JSON.parse(text) };
  const auth = headers.authorization ?? "";
  try {
    if (!botValidation) throw new Error("the bot has no validation settings (send op bot first)");
    if (!auth.startsWith("Bearer ")) throw new Error("no bearer token");
    const { payload } = await jwtVerify(auth.substring(7), botValidation.jwks,
      { issuer: "https://api.botframework.com", audience: botValidation.audience, algorithms: ["RS256"] });
    entry.verified = true;
    entry.claims = payload;
  } catch (e) {
    entry.verified = false;
    entry.error = String(e?.message ?? e);
  }
  record(notifications, entry);
}

const server = bodyServer((req, res, body) => {
  if (req.method === "POST" && req.url.startsWith("/notifications/")) {
    // Answered at once, as bots do; the token is checked meanwhile and recorded with the verdict.
    res.writeHead(202).end();
    receive(req.url.substring("/notifications/".length), req.headers, body);
  } else {
    res.writeHead(404).end();
  }
});

function graphError(e) {
  if (e?.constructor?.name !== "GraphError") return e;
  return Object.assign(new Error(e.message), { name: "GraphError", statusCode: e.statusCode, code: e.code,
    details: { requestId: e.requestId, date: e.date, body: e.body } });
}

const ops = {
  async token(cmd) {
    const token = await credential(cmd).getToken(cmd.scopes ?? [GRAPH_SCOPE]);
    return { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
  },

  async graphGet(cmd) {
    try {
      return await graphClient(cmd).api(cmd.path).version(cmd.version ?? "v1.0").get();
    } catch (e) {
      // GraphError keeps what the SDK parsed from the Graph error envelope.
      throw graphError(e);
    }
  },

  async graph(cmd) {
    let request = graphClient(cmd).api(cmd.path).version(cmd.version ?? "v1.0");
    if (cmd.raw) request = request.responseType(ResponseType.RAW);
    const method = { GET: "get", POST: "post", DELETE: "delete" }[cmd.method];
    try {
      const result = cmd.method === "POST" ? await request.post(cmd.body ?? {}) : await request[method]();
      if (!cmd.raw) return result ?? null;
      const text = await result.text();
      return { status: result.status, location: result.headers.get("location"), body: text ? JSON.parse(text) : null };
    } catch (e) {
      throw graphError(e);
    }
  },

  async bot(cmd) {
    const oidc = await (await fetch(cmd.openIdConfiguration)).json();
    botValidation = { jwks: createRemoteJWKSet(new URL(oidc.jwks_uri)), audience: cmd.audience };
    return { notificationBaseUrl: `${notificationBaseUrl}/notifications`, jwksUri: oidc.jwks_uri };
  },

  async notifications(cmd) {
    const mine = () => notifications.filter((n) => n.tag === cmd.tag);
    await waitFor(() => mine().length >= (cmd.count ?? 0), cmd.timeoutMs ?? 10_000,
      `${cmd.count} notifications on ${cmd.tag}`);
    return mine();
  },

  async download(cmd) {
    const response = await fetch(cmd.url, { headers: cmd.token ? { Authorization: `Bearer ${cmd.token}` } : {} });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, contentType: response.headers.get("content-type"), base64: bytes.toString("base64") };
  },

  async verify(cmd) {
    const jwks = createRemoteJWKSet(new URL(cmd.jwksUri));
    const { payload, protectedHeader } = await jwtVerify(cmd.token, jwks,
      { issuer: cmd.issuer, audience: cmd.audience, algorithms: ["RS256"] });
    return { header: protectedHeader, payload };
  },
};

let notificationBaseUrl;
listen(server).then((port) => {
  notificationBaseUrl = `http://127.0.0.1:${port}`;
  serveCommands(ops, { callbackBaseUrl: notificationBaseUrl }, () => server.close());
});
