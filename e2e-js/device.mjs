// The Device Authorization Grant (RFC 8628, issue 11) with oauth4webapi: discovery advertises the
// endpoint and the grant type; a public client starts a request, polls and is told
// authorization_pending; the customer approves the user code through the API with their API key
// (what the /device page does); the next poll gets the tokens, once, and the refresh token works; a
// denied request answers access_denied.
import * as oauth from 'oauth4webapi';
import { check, decideDevice, discover, insecure, run, setting, sleep } from './lib/connect.mjs';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const client = { client_id: setting('CONNECT_E2E_PUBLIC_CLIENT_ID'), token_endpoint_auth_method: 'none' };
const clientAuth = oauth.None();
let as;
let started;
let tokens;

/** Starts a device authorization request for `scope`. */
async function start(scope) {
  const response = await oauth.deviceAuthorizationRequest(as, client, clientAuth, { scope }, insecure);
  return oauth.processDeviceAuthorizationResponse(as, client, response);
}

/** One poll of the token endpoint: the tokens, or the OAuth error the server answered. */
async function poll(deviceCode) {
  const response = await oauth.deviceCodeGrantRequest(as, client, clientAuth, deviceCode, insecure);
  try {
    return { tokens: await oauth.processDeviceCodeResponse(as, client, response) };
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) {
      return { error: error.error, status: error.status };
    }
    throw error;
  }
}

/** Polls as RFC 8628 §3.5 says: every `interval` seconds, 5 more after each slow_down, until not pending. */
async function pollUntilDecided(request) {
  let interval = request.interval ?? 5;
  for (;;) {
    await sleep(interval);
    const answer = await poll(request.device_code);
    if (answer.error === 'slow_down') {
      interval += 5;
    } else if (answer.error !== 'authorization_pending') {
      return answer;
    }
  }
}

await run('device', [
  ['discovery advertises the device grant (RFC 8628 §4)', async () => {
    as = await discover('oauth2');
    check(as.device_authorization_endpoint === `${as.issuer}/oauth/device_authorization`,
      `device_authorization_endpoint (got ${as.device_authorization_endpoint})`);
    check(as.grant_types_supported.includes(DEVICE_GRANT), 'the device_code grant type is advertised');
  }],
  ['device authorization request (RFC 8628 §3.1, §3.2)', async () => {
    started = await start('connect');
    check(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/.test(started.user_code),
      `a user code easy to type (got ${started.user_code})`);
    check(started.verification_uri === `${as.issuer}/device`, `verification_uri (got ${started.verification_uri})`);
    const complete = new URL(started.verification_uri_complete);
    check(complete.searchParams.get('user_code') === started.user_code, 'verification_uri_complete carries the user code');
    check(started.expires_in > 0 && started.interval > 0, 'expires_in and interval');
  }],
  ['polling before the decision is authorization_pending', async () => {
    const answer = await poll(started.device_code);
    check(answer.error === 'authorization_pending' && answer.status === 400,
      `authorization_pending (got ${JSON.stringify(answer)})`);
  }],
  ['the customer approves the user code through the API with their key', async () => {
    const { status, body } = await decideDevice(started.user_code.toLowerCase().replace('-', ' '), 'approve');
    check(status === 200 && body.decision === 'approve' && body.client_id === client.client_id,
      `approved (got ${status} ${JSON.stringify(body)})`);
  }],
  ['the next poll gets the tokens', async () => {
    const answer = await pollUntilDecided(started);
    check(answer.tokens, `tokens (got ${JSON.stringify(answer)})`);
    tokens = answer.tokens;
    check(tokens.token_type.toLowerCase() === 'bearer', 'a bearer token');
    check(typeof tokens.refresh_token === 'string', 'a refresh token');
    check(tokens.scope === 'connect', `the approved scope (got ${tokens.scope})`);
  }],
  ['the device code is redeemed once', async () => {
    await sleep(started.interval);
    const answer = await poll(started.device_code);
    check(answer.error === 'invalid_grant', `invalid_grant (got ${JSON.stringify(answer)})`);
  }],
  ['the refresh token of the device grant rotates', async () => {
    const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token, insecure);
    const refreshed = await oauth.processRefreshTokenResponse(as, client, response);
    check(refreshed.refresh_token && refreshed.refresh_token !== tokens.refresh_token, 'a new refresh token');
  }],
  ['a denied request answers access_denied', async () => {
    const denied = await start('connect');
    const { status, body } = await decideDevice(denied.user_code, 'deny');
    check(status === 200 && body.decision === 'deny', `denied (got ${status} ${JSON.stringify(body)})`);
    const answer = await pollUntilDecided(denied);
    check(answer.error === 'access_denied', `access_denied (got ${JSON.stringify(answer)})`);
  }],
  ['an unknown user code is 404 through the API', async () => {
    const { status, body } = await decideDevice('BCDF-GHJK', 'approve');
    check(status === 404 && body.error === 'not_found', `not_found (got ${status} ${JSON.stringify(body)})`);
  }],
]);
