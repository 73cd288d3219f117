package dev.connect.oauth.application.port.in;

/** Issues another API key for the caller's own account. */
public interface IssueApiKeyUseCase {
    NewApiKey issue(Principal caller);
}
