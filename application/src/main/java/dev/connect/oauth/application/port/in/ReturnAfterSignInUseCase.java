package dev.connect.oauth.application.port.in;

import java.util.List;
import java.util.Map;

/**
 * Where the browser goes back to after the sign-in page: the authorization endpoint, with the
 * request's parameters. The {@code request_uri} of a pushed request was used up on the way in, so
 * for a client that must push (RFC 9126 §5), whose parameters the endpoint would refuse, the
 * parameters are pushed again, under a fresh {@code request_uri} for the way back.
 */
public interface ReturnAfterSignInUseCase {
    /**
     * @param checked    the request as the sign-in checked it
     * @param parameters the request's parameters, in their order
     * @return the parameters to send the browser back with: these, or {@code client_id} and a fresh
     *         {@code request_uri}
     */
    List<Map.Entry<String, String>> parametersBack(CheckedAuthorization checked, List<Map.Entry<String, String>> parameters);
}
