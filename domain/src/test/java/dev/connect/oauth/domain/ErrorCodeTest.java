package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodeTest {

    /** The Connect rows of the seed error table (seeds 000/001) and their names in API.md §1. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "API_KEY_REQUIRED  | api_key_required  | 2032 | API Key is required",
        "EMAIL_REQUIRED    | email_required    | 2034 | Email is required",
        "INVALID_API_KEY   | invalid_api_key   | 2036 | Invalid API Key",
        "MALFORMED_API_KEY | malformed_api_key | 2038 | Provide valid API Key",
        "EMAIL_EXISTS      | email_exists      | 2039 | Email already exists",
        "PHONE_EXISTS      | phone_exists      | 2040 | Phone already exists",
        "EMAIL_INVALID     | email_invalid     | 2041 | Email Invalid"
    })
    void connectCodesThenAsTheSeedTableSays(ErrorCode code, String error, int number, String description) {
        assertThat(code.error()).isEqualTo(error);
        assertThat(code.code()).isEqualTo(number);
        assertThat(code.description()).isEqualTo(description);
    }

    /** The HTTP rows of the seed error table; 501 is API.md's addition. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BAD_REQUEST             | 400 | Bad Request -- Your request is invalid.",
        "UNAUTHORIZED            | 401 | Unauthorized -- Your API key is wrong.",
        "FORBIDDEN               | 403 | Forbidden -- The method requested is hidden for administrators only.",
        "NOT_FOUND               | 404 | Not Found -- The specified method could not be found.",
        "METHOD_NOT_ALLOWED      | 405 | Method Not Allowed -- You tried to access a method with an invalid method.",
        "NOT_ACCEPTABLE          | 406 | Not Acceptable -- You requested a format that is not json.",
        "VERSION_GONE            | 410 | Gone -- Request has been removed from our servers.",
        "TOO_MANY_REQUESTS       | 429 | Too Many Requests",
        "SERVER_ERROR            | 500 | Internal Server Error -- We had a problem with our server. Try again later.",
        "NOT_SUPPORTED           | 501 | Not Supported",
        "TEMPORARILY_UNAVAILABLE | 503 | Service Unavailable -- We are temporarily offline for maintenance. Please try again later."
    })
    void httpCodesThenAsTheSeedTableSays(ErrorCode code, int number, String seedDescription) {
        assertThat(code.code()).isEqualTo(number);
        assertThat(code.description()).startsWith(seedDescription);
    }

    @Test
    void oauthErrorNamesThenAsRfc6749AndRfc6750Spell() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::error)).contains("invalid_request",
                "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type", "invalid_scope",
                "access_denied", "unsupported_response_type", "invalid_token", "insufficient_scope");
    }

    @Test
    void errorNamesThenUniqueAndSnakeCase() {
        List<String> names = Arrays.stream(ErrorCode.values()).map(ErrorCode::error).toList();

        assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.matches("[a-z]+(_[a-z]+)*"));
    }

    @Test
    void connectCodesThenUnique() {
        assertThat(Arrays.stream(ErrorCode.values()).mapToInt(ErrorCode::code).filter(code -> code >= 1000).boxed())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(2032, 2034, 2036, 2038, 2039, 2040, 2041);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void exceptionThenCarriesTheCodeAndItsDefaultDescription(ErrorCode code) {
        OAuthException exception = code.exception();

        assertThat(exception.errorCode()).isEqualTo(code);
        assertThat(exception.description()).isEqualTo(code.description()).isNotBlank();
    }

    @Test
    void exceptionWithDescriptionThenCarriesIt() {
        OAuthException exception = ErrorCode.INVALID_GRANT.exception("The code has expired.");

        assertThat(exception.errorCode()).isEqualTo(ErrorCode.INVALID_GRANT);
        assertThat(exception.description()).isEqualTo("The code has expired.");
        assertThat(exception.getStackTrace()).as("expected rejections skip the stack trace").isEmpty();
    }

    @Test
    void oauthExceptionWhenNullThenNamesTheMissingField() {
        assertThatNullPointerException().isThrownBy(() -> new OAuthException(null, "x")).withMessage("errorCode");
        assertThatNullPointerException().isThrownBy(() -> ErrorCode.INVALID_GRANT.exception(null))
                .withMessage("description");
    }
}
