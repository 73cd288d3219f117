// Pushed authorization requests (RFC 9126) with oauth4webapi: the endpoint from RFC 8414 metadata,
// a confidential client pushes its request (HTTP Basic) and the browser step is only client_id and
// request_uri (driven through the API-key form of /oauth/authorize, as oauth.mjs does), then the
// code exchange; the request_uri is single use; a client registered to push is refused without it,
// and gets its code with it.
import * as oauth from 'oauth4webapi';
import { authorize, check, discover, insecure, redirectUri, run, setting } from './lib/connect.mjs';

const confidential = { client_id: setting('CONNECT_E2E_CLIENT_ID') };
const confidentialAuth = oauth.ClientSecretBasic(setting('CONNECT_E2E_CLIENT_SECRET'));
const mustPush = { client_id: setting('CONNECT_E2E_PAR_CLIENT_ID') };
let as;
let requestUri;

/** PKCE and state for one request, and its parameters as the client would push them. */
async function request(client) {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const parameters = {
    response_type: 'code', client_id: client.client_id, redirect_uri: redirectUri, scope: 'connect',
    state, code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  };
  return { verifier, state, parameters };
}

/** Pushes `parameters`; the request_uri and its lifetime. */
async function push(client, clientAuth, parameters) {
  const response = await oauth.pushedAuthorizationRequest(as, client, clientAuth, parameters, insecure);
  return oauth.processPushedAuthorizationResponse(as, client, response);
}

/** The pushed request through the authorization endpoint, then the code exchanged for tokens. */
async function codeFlow(client, clientAuth, pushed, verifier, state) {
  const { status, body, callback } = await authorize(as, { client_id: client.client_id, request_uri: pushed.request_uri });
  check(status === 200, `authorize with request_uri answered ${status} ${JSON.stringify(body)}`);
  const params = oauth.validateAuthResponse(as, client, callback, state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, redirectUri, verifier, insecure);
  return oauth.processAuthorizationCodeResponse(as, client, response);
}

await run('par', [
  ['discovery advertises the endpoint (RFC 9126 §5)', async () => {
    as = await discover('oauth2');
    check(typeof as.pushed_authorization_request_endpoint === 'string', 'pushed_authorization_request_endpoint');
    check(as.require_pushed_authorization_requests === false, 'pushing is not required of every client');
  }],
  ['push, authorize with request_uri, exchange the code', async () => {
    const { verifier, state, parameters } = await request(confidential);
    const pushed = await push(confidential, confidentialAuth, parameters);
    check(pushed.request_uri.startsWith('urn:ietf:params:oauth:request_uri:'), 'request_uri is the RFC 9126 URN');
    check(pushed.expires_in > 0 && pushed.expires_in <= 600, `expires_in ${pushed.expires_in}`);
    const tokens = await codeFlow(confidential, confidentialAuth, pushed, verifier, state);
    check(tokens.access_token, 'an access token is issued');
    requestUri = pushed.request_uri;
  }],
  ['a used request_uri is refused', async () => {
    const { status, body } = await authorize(as, { client_id: confidential.client_id, request_uri: requestUri });
    check(status === 400 && body.error === 'invalid_request', `reuse answered ${status} ${JSON.stringify(body)}`);
  }],
  ['a request_uri inside a pushed request is refused (RFC 9126 §2.1)', async () => {
    const { parameters } = await request(confidential);
    try {
      await push(confidential, confidentialAuth, { ...parameters, request_uri: requestUri });
      check(false, 'the push was accepted');
    } catch (error) {
      check(error instanceof oauth.ResponseBodyError && error.error === 'invalid_request', `got ${error}`);
    }
  }],
  ['a client registered to push is refused without pushing', async () => {
    const { parameters } = await request(mustPush);
    const { status, body } = await authorize(as, parameters);
    check(status === 400 && body.error === 'invalid_request', `direct request answered ${status} ${JSON.stringify(body)}`);
  }],
  ['a client registered to push gets its code by pushing', async () => {
    const { verifier, state, parameters } = await request(mustPush);
    const pushed = await push(mustPush, oauth.None(), parameters);
    const tokens = await codeFlow(mustPush, oauth.None(), pushed, verifier, state);
    check(tokens.refresh_token, 'a refresh token is issued');
  }],
]);
