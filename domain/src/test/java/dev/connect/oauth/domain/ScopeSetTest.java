package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeSetTest {
    private static final ScopeSet ALLOWED = ScopeSet.parse("connect triggers actions");
    private static final ScopeSet DEFAULT = ScopeSet.parse("connect");

    @Test
    void parseThenEveryScopeInAStableOrder() {
        ScopeSet scopes = ScopeSet.parse("triggers connect");

        assertThat(scopes.contains(Scope.CONNECT)).isTrue();
        assertThat(scopes.contains(Scope.TRIGGERS)).isTrue();
        assertThat(scopes.contains(Scope.ACTIONS)).isFalse();
        assertThat(scopes).hasToString("connect triggers").isEqualTo(ScopeSet.parse("connect triggers"));
    }

    @Test
    void parseWhenDuplicatesOrExtraSpacesThenCollapsed() {
        assertThat(ScopeSet.parse(" connect  connect triggers ")).hasToString("connect triggers");
    }

    @Test
    void parseWhenEmptyThenTheEmptySet() {
        assertThat(ScopeSet.parse("").isEmpty()).isTrue();
        assertThat(ScopeSet.parse("")).isEqualTo(ScopeSet.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "connect *", "conn\"ect", "conn\\ect", "connect\ttriggers", "connéct", "a\u007f"})
    void parseWhenMalformedScopeThenInvalidScope(String value) {
        assertRejected(() -> ScopeSet.parse(value), ErrorCode.INVALID_SCOPE);
    }

    @Test
    void parseWhenScopeOf64CharactersThenAcceptedAnd65Refused() {
        assertThat(ScopeSet.parse("s".repeat(64)).toString()).hasSize(64);
        assertRejected(() -> ScopeSet.parse("s".repeat(65)), ErrorCode.INVALID_SCOPE);
    }

    @Test
    void parseWhenListLongerThan1024CharactersThenInvalidScope() {
        assertRejected(() -> ScopeSet.parse("a ".repeat(512) + "b"), ErrorCode.INVALID_SCOPE);
    }

    @Test
    void parseWhenNonStandardPrintableCharactersThenAccepted() {
        assertThat(ScopeSet.parse("read:user https://api.example.com/x!#[]").toString())
                .isEqualTo("https://api.example.com/x!#[] read:user");
    }

    @Test
    void resolveWhenWildcardThenEveryAllowedScope() {
        assertThat(ScopeSet.resolve(Optional.of("*"), ALLOWED, DEFAULT)).isEqualTo(ALLOWED);
        assertThat(ScopeSet.resolve(Optional.of("  *  "), ALLOWED, DEFAULT)).isEqualTo(ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"* connect", "connect *", "* *", "connect*"})
    void resolveWhenWildcardMixedOrMalformedThenInvalidScope(String requested) {
        assertRejected(() -> ScopeSet.resolve(Optional.of(requested), ALLOWED, DEFAULT), ErrorCode.INVALID_SCOPE);
    }

    @Test
    void resolveWhenScopeOutsideTheAllowedThenInvalidScopeNamingIt() {
        assertThatThrownBy(() -> ScopeSet.resolve(Optional.of("connect tests"), ALLOWED, DEFAULT))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SCOPE);
                    assertThat(e.description()).contains("tests").doesNotContain("connect");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   "})
    void resolveWhenBlankThenTheDefault(String requested) {
        assertThat(ScopeSet.resolve(Optional.of(requested), ALLOWED, DEFAULT)).isEqualTo(DEFAULT);
    }

    @Test
    void resolveWhenAbsentThenTheDefault() {
        assertThat(ScopeSet.resolve(Optional.empty(), ALLOWED, DEFAULT)).isEqualTo(DEFAULT);
    }

    @Test
    void resolveWhenSubsetWithDuplicatesThenThatSubset() {
        assertThat(ScopeSet.resolve(Optional.of("triggers connect triggers"), ALLOWED, DEFAULT))
                .isEqualTo(ScopeSet.of(Scope.CONNECT, Scope.TRIGGERS));
    }

    @Test
    void containsAllThenSubsetRelation() {
        assertThat(ALLOWED.containsAll(DEFAULT)).isTrue();
        assertThat(DEFAULT.containsAll(ALLOWED)).isFalse();
        assertThat(DEFAULT.containsAll(ScopeSet.EMPTY)).isTrue();
    }

    @Test
    void constructorThenCopiesAndFreezesTheScopes() {
        TreeSet<Scope> source = new TreeSet<>();
        source.add(Scope.CONNECT);
        ScopeSet scopes = new ScopeSet(source);

        source.add(Scope.TESTS);

        assertThat(scopes.contains(Scope.TESTS)).isFalse();
        assertThatThrownBy(() -> scopes.scopes().add(Scope.ACTIONS)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void scopeConstantsThenTheDefaultCatalogue() {
        assertThat(ScopeSet.of(Scope.CONNECT, Scope.TRIGGERS, Scope.ACTIONS, Scope.TESTS))
                .hasToString("actions connect tests triggers");
    }
}
