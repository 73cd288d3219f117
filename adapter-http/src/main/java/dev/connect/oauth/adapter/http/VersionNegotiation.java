package dev.connect.oauth.adapter.http;

import dev.connect.oauth.domain.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code X-VERSION} negotiation (API.md §1, seed 002): absent serves the latest version; an older
 * but supported one is served with {@code X-VERSION-NOTICE}; one older than the minimum is 410
 * {@code version_gone}; a malformed one, or one newer than the latest, is 400. Every answer says
 * in {@code X-VERSION} which version it was served as.
 */
final class VersionNegotiation implements Handler<RoutingContext> {
    static final String HEADER = "X-VERSION";
    static final String NOTICE_HEADER = "X-VERSION-NOTICE";

    private final ApiVersion latest;
    private final ApiVersion minimum;

    VersionNegotiation(ApiVersion latest, ApiVersion minimum) {
        this.latest = Objects.requireNonNull(latest, "latest");
        this.minimum = Objects.requireNonNull(minimum, "minimum");
    }

    @Override
    public void handle(RoutingContext ctx) {
        List<String> offered = ctx.request().headers().getAll(HEADER);
        if (offered.isEmpty()) {
            ctx.next();
            return;
        }
        Optional<ApiVersion> parsed = offered.size() == 1 ? ApiVersion.parse(offered.getFirst()) : Optional.empty();
        if (parsed.isEmpty()) {
            ctx.fail(ErrorCode.BAD_REQUEST.exception("X-VERSION must be one MAJOR.MINOR.PATCH version, such as " + latest + "."));
            return;
        }
        ApiVersion requested = parsed.get();
        if (latest.isOlderThan(requested)) {
            ctx.fail(ErrorCode.BAD_REQUEST.exception("X-VERSION " + requested + " is newer than the latest version, " + latest + "."));
        } else if (requested.isOlderThan(minimum)) {
            ctx.fail(ErrorCode.VERSION_GONE.exception("Gone -- Version " + requested
                    + " has been removed from our servers. The oldest supported version is " + minimum
                    + " and the latest stable version is " + latest + "."));
        } else if (requested.isOlderThan(latest)) {
            ctx.response().putHeader(HEADER, requested.toString()).putHeader(NOTICE_HEADER,
                    "Version update available. Please adjust your integration to the latest stable version (" + latest + ")");
            ctx.next();
        } else {
            ctx.next();
        }
    }
}
