package dev.connect.oauth.adapter.archfixture;

import dev.connect.oauth.testkit.testdata.MutableClock;
import java.time.Clock;

/** A deliberate violation: proves the architecture rules catch production code leaning on the testkit. */
public final class AdapterUsingTestkit {
    public Clock clock() {
        return new MutableClock();
    }
}
