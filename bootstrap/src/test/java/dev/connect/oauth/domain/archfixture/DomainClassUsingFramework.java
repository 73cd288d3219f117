package dev.connect.oauth.domain.archfixture;

import io.vertx.core.json.JsonObject;

/** A deliberate violation: proves the architecture rules catch a framework type in the domain. */
public final class DomainClassUsingFramework {
    public JsonObject leak() {
        return new JsonObject();
    }
}
