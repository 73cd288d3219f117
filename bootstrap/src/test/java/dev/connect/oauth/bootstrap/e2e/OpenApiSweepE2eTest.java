package dev.connect.oauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Calls every operation of the OpenAPI document once, with no parameters or body (path
 * parameters naming nothing, the admin's key on the API), so that each one, also those the other
 * suites never reach, answers as the document says ({@link OpenApiConformance} checks every
 * answer of {@link E2eRequest}) and never with a server error.
 */
class OpenApiSweepE2eTest extends ServerSuite {
    private static final String ORIGIN = "https://app.example.com";

    OpenApiSweepE2eTest() {
        super(Backend.H2);
    }

    @Override
    Map<String, String> settings() {
        return Map.of("CONNECT_CORS_ORIGINS", ORIGIN);
    }

    @Test
    void everyOperationWhenCalledBareThenAnswersAsDocumented() {
        Set<String> operations = OpenApiConformance.shared().operations();
        List<String> serverErrors = new ArrayList<>();

        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}/]+}", "nothing-here");
            E2eRequest request = server.request(method, path);
            if (path.startsWith("/api/")) {
                request.apiKey(server.adminKey());
            }
            if (method.equals("OPTIONS")) {
                request.header("Origin", ORIGIN).header("Access-Control-Request-Method", otherMethod(operations, operation));
            }
            Reply reply = request.send();
            if (reply.status() >= 500) {
                serverErrors.add(operation + " answered " + reply);
            }
        }

        assertThat(serverErrors).isEmpty();
        assertThat(OpenApiConformance.shared().unanswered()).as("documented operations that gave no answer").isEmpty();
    }

    /** A method the operation's path serves besides OPTIONS, for a preflight to ask about. */
    private static String otherMethod(Set<String> operations, String preflight) {
        String path = preflight.substring(preflight.indexOf(' '));
        return operations.stream().filter(operation -> operation.endsWith(path) && !operation.startsWith("OPTIONS"))
                .map(operation -> operation.substring(0, operation.indexOf(' '))).findFirst().orElseThrow();
    }
}
