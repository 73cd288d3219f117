// Pairwise subjects (OpenID Connect Core §8.1) and RFC 8707 resource indicators with oauth4webapi
// (issue 10), for a confidential client registered with subject_type pairwise and two resources:
// discovery advertises pairwise; the ID token's sub is not the account id, and UserInfo and
// introspection show the same sub; `resource` (repeated) at authorize binds the code, at the token
// endpoint it narrows the access token's aud, on refresh too; introspection shows that aud; a
// resource the client did not register is invalid_target, at authorize and at the token endpoint.
import * as oauth from 'oauth4webapi';
import { check, customerKey, discover, insecure, redirectUri, run, setting } from './lib/connect.mjs';

const client = { client_id: setting('CONNECT_E2E_PAIRWISE_CLIENT_ID') };
const clientAuth = oauth.ClientSecretBasic(setting('CONNECT_E2E_PAIRWISE_CLIENT_SECRET'));
const [api, files] = setting('CONNECT_E2E_RESOURCES').split(' ');
const customerId = setting('CONNECT_E2E_CUSTOMER_ID');
const unregistered = 'https://elsewhere.example/';
let as;
let tokens;
let idToken;

/** The API-key form of the authorization endpoint with a repeated `resource`; the callback URL it stands for. */
async function authorize(params, resources) {
  const url = new URL(as.authorization_endpoint);
  for (const [name, value] of Object.entries(params)) {
    url.searchParams.set(name, value);
  }
  for (const resource of resources) {
    url.searchParams.append('resource', resource);
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

/** The `aud` of a JWT access token, as a list (the resource server's view; the client treats it as opaque). */
function audienceOf(jwt) {
  const { aud } = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
  return [].concat(aud);
}

function resources(...values) {
  return { additionalParameters: new URLSearchParams(values.map((value) => ['resource', value])), ...insecure };
}

async function introspect(token) {
  const response = await oauth.introspectionRequest(as, client, clientAuth, token, insecure);
  return oauth.processIntrospectionResponse(as, client, response);
}

await run('oidc-pairwise-resources', [
  ['discovery advertises pairwise subjects', async () => {
    as = await discover('oidc');
    check(as.subject_types_supported.includes('pairwise'), `pairwise is advertised (${as.subject_types_supported})`);
    check(as.subject_types_supported.includes('public'), 'public is advertised');
  }],
  ['code flow bound to two resources, the token narrowed to one', async () => {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const { status, callback } = await authorize({
      response_type: 'code', client_id: client.client_id, redirect_uri: redirectUri, scope: 'openid connect', state,
      nonce, code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    }, [api, files]);
    check(status === 200, `a code for registered resources (${status})`);
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, redirectUri, verifier,
      resources(api));
    tokens = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: nonce, requireIdToken: true });
    idToken = oauth.getValidatedIdTokenClaims(tokens);
    check(JSON.stringify(audienceOf(tokens.access_token)) === JSON.stringify([api]), `aud is the requested resource (${audienceOf(tokens.access_token)})`);
  }],
  ['pairwise sub: not the account id, the same at UserInfo and introspection', async () => {
    check(idToken.sub && idToken.sub !== customerId, `the ID token's sub is pairwise (${idToken.sub})`);
    const response = await oauth.userInfoRequest(as, client, tokens.access_token, insecure);
    const info = await oauth.processUserInfoResponse(as, client, idToken.sub, response);
    check(info.sub === idToken.sub, 'UserInfo sub equals the ID token sub');
    const introspection = await introspect(tokens.access_token);
    check(introspection.active === true && introspection.sub === idToken.sub, `introspection sub is the pairwise one (${introspection.sub})`);
    check(introspection.aud === api, `introspection shows the token's aud (${JSON.stringify(introspection.aud)})`);
  }],
  ['refresh narrows to the other resource and keeps the sub', async () => {
    const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token, resources(files));
    const refreshed = await oauth.processRefreshTokenResponse(as, client, response);
    check(JSON.stringify(audienceOf(refreshed.access_token)) === JSON.stringify([files]), `aud is ${files} (${audienceOf(refreshed.access_token)})`);
    check(oauth.getValidatedIdTokenClaims(refreshed).sub === idToken.sub, 'the same pairwise sub on refresh');
    tokens = refreshed;
  }],
  ['a resource not bound to the grant is invalid_target at the token endpoint', async () => {
    const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token, resources(unregistered));
    let refused;
    try {
      await oauth.processRefreshTokenResponse(as, client, response);
    } catch (error) {
      refused = error;
    }
    check(refused instanceof oauth.ResponseBodyError && refused.error === 'invalid_target', `invalid_target (${refused})`);
  }],
  ['a resource not registered is invalid_target at authorize, with iss', async () => {
    const state = oauth.generateRandomState();
    const { status, body } = await authorize({
      response_type: 'code', client_id: client.client_id, redirect_uri: redirectUri, scope: 'connect', state,
    }, [unregistered]);
    check(status === 400 && body.error === 'invalid_target', `invalid_target (${status} ${JSON.stringify(body)})`);
    check(body.iss === as.issuer && body.state === state, 'the error names the issuer and echoes the state');
  }],
  ['client credentials for both resources', async () => {
    const parameters = new URLSearchParams([['resource', api], ['resource', files]]);
    const response = await oauth.clientCredentialsGrantRequest(as, client, clientAuth, parameters, insecure);
    const result = await oauth.processClientCredentialsResponse(as, client, response);
    check(JSON.stringify(audienceOf(result.access_token)) === JSON.stringify([api, files]), `aud is both (${audienceOf(result.access_token)})`);
    const introspection = await introspect(result.access_token);
    check(JSON.stringify(introspection.aud) === JSON.stringify([api, files]), `introspection aud is both (${JSON.stringify(introspection.aud)})`);
  }],
]);
