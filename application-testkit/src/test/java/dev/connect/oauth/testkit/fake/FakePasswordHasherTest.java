package dev.connect.oauth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.domain.PasswordHash;
import org.junit.jupiter.api.Test;

class FakePasswordHasherTest {
    private final FakePasswordHasher hasher = new FakePasswordHasher();

    @Test
    void verifyWhenSamePasswordThenTrue() {
        assertThat(hasher.verify("hunter2", hasher.hash("hunter2"))).isTrue();
    }

    @Test
    void verifyWhenOtherPasswordThenFalse() {
        assertThat(hasher.verify("hunter3", hasher.hash("hunter2"))).isFalse();
        assertThat(hasher.verify(null, hasher.hash("hunter2"))).isFalse();
    }

    @Test
    void verifyWhenHashOfAnotherSchemeThenFalse() {
        assertThat(hasher.verify("hunter2", new PasswordHash("$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA"))).isFalse();
    }

    @Test
    void hashWhenSamePasswordTwiceThenSaltsDiffer() {
        assertThat(hasher.hash("hunter2")).isNotEqualTo(hasher.hash("hunter2"));
    }

    @Test
    void hashThenNeverContainsThePassword() {
        assertThat(hasher.hash("hunter2").encoded()).doesNotContain("hunter2");
    }
}
