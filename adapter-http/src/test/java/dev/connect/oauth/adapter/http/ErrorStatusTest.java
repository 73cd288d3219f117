package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.connect.oauth.domain.ErrorCode;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one table from error code to HTTP status, row by row against API.md §1. */
class ErrorStatusTest {
    @Test
    void connectCodesTravelWithTheStatusesOfApiMd() {
        Map<ErrorCode, Integer> table = new EnumMap<>(ErrorCode.class);
        for (ErrorCode code : ErrorCode.values()) {
            table.put(code, ErrorStatus.of(code));
        }

        assertThat(table).contains(
                entry(ErrorCode.API_KEY_REQUIRED, 401),
                entry(ErrorCode.EMAIL_REQUIRED, 400),
                entry(ErrorCode.INVALID_API_KEY, 401),
                entry(ErrorCode.MALFORMED_API_KEY, 401),
                entry(ErrorCode.EMAIL_EXISTS, 409),
                entry(ErrorCode.PHONE_EXISTS, 409),
                entry(ErrorCode.EMAIL_INVALID, 400));
    }

    @Test
    void oauthErrorsTravelWithTheirRfcStatuses() {
        assertThat(ErrorStatus.of(ErrorCode.INVALID_REQUEST)).isEqualTo(400);
        assertThat(ErrorStatus.of(ErrorCode.INVALID_GRANT)).isEqualTo(400);
        assertThat(ErrorStatus.of(ErrorCode.UNAUTHORIZED_CLIENT)).isEqualTo(400);
        assertThat(ErrorStatus.of(ErrorCode.UNSUPPORTED_GRANT_TYPE)).isEqualTo(400);
        assertThat(ErrorStatus.of(ErrorCode.UNSUPPORTED_RESPONSE_TYPE)).isEqualTo(400);
        assertThat(ErrorStatus.of(ErrorCode.INVALID_SCOPE)).isEqualTo(400);
        assertThat(ErrorStatus.of(ErrorCode.INVALID_CLIENT)).isEqualTo(401);
        assertThat(ErrorStatus.of(ErrorCode.INVALID_TOKEN)).isEqualTo(401);
        assertThat(ErrorStatus.of(ErrorCode.INSUFFICIENT_SCOPE)).isEqualTo(403);
        assertThat(ErrorStatus.of(ErrorCode.ACCESS_DENIED)).isEqualTo(403);
    }

    /** The plain HTTP failures carry their status as their code, so body and status agree. */
    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND",
            "METHOD_NOT_ALLOWED", "NOT_ACCEPTABLE", "CONFLICT", "VERSION_GONE", "PAYLOAD_TOO_LARGE",
            "UNSUPPORTED_MEDIA_TYPE", "TOO_MANY_REQUESTS", "SERVER_ERROR", "NOT_SUPPORTED", "TEMPORARILY_UNAVAILABLE",
            "HTTP_VERSION_NOT_SUPPORTED"})
    void httpCodesTravelWithTheirOwnNumber(ErrorCode code) {
        assertThat(ErrorStatus.of(code)).isEqualTo(code.code());
    }

    @Test
    void bearerChallengesNameTheError() {
        assertThat(ErrorStatus.bearerChallenge(ErrorCode.INVALID_TOKEN)).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(ErrorStatus.bearerChallenge(ErrorCode.INSUFFICIENT_SCOPE)).isEqualTo("Bearer error=\"insufficient_scope\"");
        assertThat(ErrorStatus.bearerChallenge(ErrorCode.INVALID_REQUEST)).isNull();
    }
}
