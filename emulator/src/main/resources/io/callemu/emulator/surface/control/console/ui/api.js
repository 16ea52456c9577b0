// The control API from the page: JSON requests with the control token when callemu wants one. The
// token is asked for in a dialog the first time a request is refused with 401 and kept in this tab's
// sessionStorage only.

const TOKEN_KEY = "callemu.controlToken";
let token = sessionStorage.getItem(TOKEN_KEY);
let asking = null;

/** A refused request: HTTP status, the error envelope's code and message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

/** Headers every request carries: the bearer token once there is one. */
export function authHeaders(more = {}) {
  return token ? { ...more, Authorization: `Bearer ${token}` } : { ...more };
}

/**
 * Calls the control API: api("POST", "/calls/x/dtmf", {tones: "1"}). A Blob body goes as a WAV.
 * Resolves with the parsed JSON (null for an empty answer); rejects with an ApiError.
 */
export async function api(method, path, body) {
  for (let attempt = 0; ; attempt++) {
    const headers = body === undefined ? {} : body instanceof Blob ? { "Content-Type": "audio/wav" }
      : { "Content-Type": "application/json" };
    const res = await fetch(`/_emulator${path}`, {
      method, headers: authHeaders(headers), cache: "no-store",
      body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body),
    });
    if (res.status === 401 && attempt < 5) {
      await askToken(attempt > 0 || token !== null);
      continue;
    }
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!res.ok) throw new ApiError(res.status, json?.error?.code, json?.error?.message ?? text);
    return json;
  }
}

/** Shows the token dialog (once, however many requests wait) and resolves when a token was given. */
export function askToken(refused) {
  if (asking) return asking;
  const dialog = document.getElementById("token-dialog");
  const form = document.getElementById("token-form");
  const input = document.getElementById("token-input");
  document.getElementById("token-error").textContent = refused && token ? "callemu refused that token." : "";
  asking = new Promise((resolve) => {
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      token = input.value.trim();
      sessionStorage.setItem(TOKEN_KEY, token);
      input.value = "";
      dialog.close();
      asking = null;
      resolve();
    }, { once: true });
    // Escape must not leave the page stuck without a token: the dialog stays until one is given.
    dialog.oncancel = (e) => e.preventDefault();
    dialog.showModal();
    input.focus();
  });
  return asking;
}
