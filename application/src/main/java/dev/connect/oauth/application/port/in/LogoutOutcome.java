package dev.connect.oauth.application.port.in;

/**
 * What a logout request comes to: the session ended ({@link EndedSession}), or a question to the
 * user first ({@link LogoutConfirmation}), when nothing proves that the client asking for it is the
 * one the user signed in to.
 */
public sealed interface LogoutOutcome permits EndedSession, LogoutConfirmation {
}
