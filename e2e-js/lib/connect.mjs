// What every e2e script shares: the settings the JUnit harness (JsClientE2eTest) passes in the
// environment, oauth4webapi's options for a server on plain http://127.0.0.1, and the code from the
// API-key form of /oauth/authorize (the account's key stands for sign-in and consent).
import * as oauth from 'oauth4webapi';

/** The variable's value; a missing one stops the script with its name. */
export function setting(name) {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`${name} is not set (the JUnit harness sets it)`);
  }
  return value;
}

export const issuer = new URL(setting('CONNECT_E2E_ISSUER'));
export const redirectUri = setting('CONNECT_E2E_REDIRECT_URI');
export const customerKey = setting('CONNECT_E2E_CUSTOMER_API_KEY');

/** The server listens on loopback over plain HTTP; oauth4webapi refuses that unless told. */
export const insecure = { [oauth.allowInsecureRequests]: true };

/** Discovery (RFC 8414 or OpenID Connect Discovery 1.0, as `algorithm` says). */
export async function discover(algorithm) {
  const response = await oauth.discoveryRequest(issuer, { algorithm, ...insecure });
  return oauth.processDiscoveryResponse(issuer, response);
}

/**
 * The authorization response for `params` as the client's redirect URI would receive it: the
 * API-key form answers JSON ({code, state, iss} or an error), turned here into the callback URL.
 */
export async function authorize(as, params) {
  const url = new URL(as.authorization_endpoint);
  for (const [name, value] of Object.entries(params)) {
    url.searchParams.set(name, value);
  }
  const response = await fetch(url, { headers: { ACCESSTOKEN: customerKey, Accept: 'application/json' }, redirect: 'manual' });
  const body = await response.json();
  const callback = new URL(redirectUri);
  for (const [name, value] of Object.entries(body)) {
    if (['code', 'state', 'iss', 'error', 'error_description'].includes(name)) {
      callback.searchParams.set(name, String(value));
    }
  }
  return { status: response.status, body, callback };
}

/** An admin's API key (the initial access token of dynamic client registration, RFC 7591 §3). */
export function adminKey() {
  return setting('CONNECT_E2E_ADMIN_API_KEY');
}

/** Fails the script with `message` unless `condition` holds. */
export function check(condition, message) {
  if (!condition) {
    throw new Error(`check failed: ${message}`);
  }
}

/** Runs `steps`, printing each step's name; any failure exits 1 with its message and cause. */
export async function run(name, steps) {
  for (const [step, fn] of steps) {
    try {
      console.log(`${name}: ${step}`);
      await fn();
    } catch (error) {
      console.error(`${name}: FAILED at "${step}": ${error.stack ?? error}`);
      if (error.cause) {
        console.error('cause:', JSON.stringify(error.cause, null, 2));
      }
      process.exit(1);
    }
  }
  console.log(`${name}: ok`);
}

/** Waits `seconds` (a device's polling interval). */
export function sleep(seconds) {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}

/**
 * Decides the device authorization request of `userCode` ('approve' or 'deny') as the customer,
 * through the API with the customer's key: what the /device page does, done by a program.
 */
export async function decideDevice(userCode, decision) {
  const response = await fetch(`${issuer.href.replace(/\/$/, '')}/api/v1/device/approve`, {
    method: 'POST',
    headers: { ACCESSTOKEN: customerKey, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ user_code: userCode, decision }),
  });
  return { status: response.status, body: await response.json() };
}
