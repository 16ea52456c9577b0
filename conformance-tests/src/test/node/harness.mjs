// What both Node apps of the conformance suite (app.mjs, transcription-app.mjs) share: bounded
// records that wake waiters, bounded waits, bounded request bodies, and the JSON-line command
// protocol the JUnit side (NodeApp) speaks:
//
//   stdout, first line:  {"ready":true,"callbackBaseUrl":"http://127.0.0.1:<port>", ...the app's own fields}
//   stdin  -> command:   {"id":1,"op":"createCall", ...arguments}
//   stdout <- reply:     {"id":1,"op":"createCall","ok":true,"result":{...},"wire":[...]}
//                        {"id":1,"op":"createCall","ok":false,"error":{"name","statusCode","code","message","body"},"wire":[...]}
//
// The process exits when the test JVM closes its stdin (or dies).
import http from "node:http";
import readline from "node:readline";
import { AsyncLocalStorage } from "node:async_hooks";

export const MAX_RECORDED = 10_000; // bounded memory: the suite makes a few hundred callbacks at most
export const MAX_BODY_BYTES = 1 << 20;

const waiters = new Set(); // {predicate, resolve}

/** The command an SDK HTTP exchange belongs to ({wire, repeatability}); commands run concurrently. */
export const commandContext = new AsyncLocalStorage();

/** Appends to a bounded list and wakes the waiters whose condition now holds. */
export function record(list, item) {
  list.push(item);
  if (list.length > MAX_RECORDED) list.shift();
  changed();
}

/** Wakes the waiters whose condition now holds (after a recorded item changed in place). */
export function changed() {
  for (const waiter of [...waiters]) {
    if (waiter.predicate()) {
      waiters.delete(waiter);
      waiter.resolve();
    }
  }
}

/** Resolves once predicate() holds (checked on every record/changed); rejects with code Timeout after timeoutMs. */
export function waitFor(predicate, timeoutMs, what) {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const waiter = {
      predicate,
      resolve: () => {
        clearTimeout(timer);
        resolve();
      },
    };
    const timer = setTimeout(() => {
      waiters.delete(waiter);
      reject(Object.assign(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`), { code: "Timeout" }));
    }, timeoutMs);
    waiters.add(waiter);
  });
}

/** A request body as UTF-8, refused beyond MAX_BODY_BYTES. */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (c) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** An HTTP server that reads each request's body (413 beyond MAX_BODY_BYTES), then calls handle(req, res, body). */
export function bodyServer(handle) {
  return http.createServer(async (req, res) => {
    let body;
    try {
      body = await readBody(req);
    } catch {
      res.writeHead(413).end();
      return;
    }
    handle(req, res, body);
  });
}

/** Listens on an ephemeral loopback port; resolves to the port. */
export function listen(server) {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));
}

function describeError(e) {
  return {
    name: e?.name,
    statusCode: e?.statusCode,
    code: e?.code,
    message: String(e?.message ?? e),
    body: e?.response?.bodyAsText ?? undefined,
    details: e?.details,
  };
}

function reply(obj) {
  process.stdout.write(JSON.stringify(obj) + "\n");
}

async function run(ops, line) {
  let cmd;
  try {
    cmd = JSON.parse(line);
  } catch (e) {
    process.stderr.write(`bad command line: ${line}\n`);
    return;
  }
  const op = ops[cmd.op];
  const context = { wire: [], repeatability: cmd.repeatability };
  if (!op) {
    reply({ id: cmd.id, op: cmd.op, ok: false, error: { name: "UnknownOp", message: `unknown op ${cmd.op}` }, wire: [] });
    return;
  }
  try {
    const result = await commandContext.run(context, () => op(cmd));
    reply({ id: cmd.id, op: cmd.op, ok: true, result, wire: context.wire });
  } catch (e) {
    reply({ id: cmd.id, op: cmd.op, ok: false, error: describeError(e), wire: context.wire });
  }
}

/**
 * Prints the ready line ({ready: true, node, ...hello}), then runs the commands of stdin with
 * ops[op](command); calls onClose and exits when stdin closes.
 */
export function serveCommands(ops, hello, onClose) {
  reply({ ready: true, node: process.version, ...hello });
  const rl = readline.createInterface({ input: process.stdin });
  rl.on("line", (line) => {
    if (line.trim()) run(ops, line);
  });
  rl.on("close", () => {
    onClose();
    process.exit(0);
  });
}
