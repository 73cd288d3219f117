package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserCodeTest {
    @ParameterizedTest
    @ValueSource(strings = {"WDJB-MJHT", "wdjb-mjht", "WDJBMJHT", "wdjbmjht", " wdjb mjht ", "W-D-J-B-M-J-H-T", "Wdjb\tMjhT"})
    void parseWhenTypedWithAnyCaseDashesOrSpacesThenNormalised(String typed) {
        assertThat(UserCode.parse(typed)).contains(new UserCode("WDJBMJHT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "WDJB-MJH", "WDJB-MJHTX", "WDJB-MJH0", "AEIO-UWDJ", "WDJB_MJHT", "WDJB-MJHÉ",
            "WDJB-MJHT-------------------------------"})
    void parseWhenNotEightConsonantsThenEmpty(String typed) {
        assertThat(UserCode.parse(typed)).isEmpty();
    }

    @Test
    void displayThenTwoGroupsOfFourWithADash() {
        assertThat(new UserCode("WDJBMJHT").display()).isEqualTo("WDJB-MJHT");
    }

    @Test
    void toStringWhenLoggedThenCodeHidden() {
        assertThat(new UserCode("WDJBMJHT").toString()).doesNotContain("WDJB");
    }

    @Test
    void constructorWhenNotNormalisedThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UserCode("wdjbmjht"));
        assertThatIllegalArgumentException().isThrownBy(() -> new UserCode("WDJB-MJHT"));
        assertThatNullPointerException().isThrownBy(() -> new UserCode(null)).withMessage("value");
    }

    @Test
    void fromWhenRandomBase64UrlThenEightLettersOfTheAlphabet() {
        assertThat(UserCode.from("AAAAAAAA")).contains(new UserCode("BBBBBBBB"));
        // index 20 ('U') wraps to the first letter again; index 19 ('T') is the last letter
        assertThat(UserCode.from("UTUTUTUT")).contains(new UserCode("BZBZBZBZ"));
    }

    @Test
    void fromWhenCharactersAboveTheUnbiasedBoundThenSkipped() {
        // '4'..'9', '-', '_' have indexes 60..63: using them would favour the first four letters
        assertThat(UserCode.from("-_89AAAAAAAA")).contains(new UserCode("BBBBBBBB"));
        assertThat(UserCode.from("AAAAAAA-_")).isEmpty();
    }

    @Test
    void fromWhenNotBase64UrlThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> UserCode.from("AAAA+AAAA"));
    }

    @Test
    void fromWhenEveryLetterThenEveryLetterReachable() {
        Set<Character> seen = new HashSet<>();
        String base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123";
        for (int i = 0; i + 8 <= base64url.length(); i += 8) {
            UserCode.from(base64url.substring(i, i + 8)).orElseThrow().value().chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(UserCode.ALPHABET.length());
    }
}
