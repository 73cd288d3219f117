package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypesTest {
    @Test
    void qualityWhenAcceptAbsentThenEverythingAcceptable() {
        assertThat(MediaTypes.quality(null, MediaTypes.JSON)).isEqualTo(1);
        assertThat(MediaTypes.quality("  ", MediaTypes.JSON)).isEqualTo(1);
    }

    @Test
    void qualityTakesTheMostSpecificRange() {
        assertThat(MediaTypes.quality("*/*;q=0.1, application/json;q=0.7", MediaTypes.JSON)).isEqualTo(0.7);
        assertThat(MediaTypes.quality("application/json;q=0, */*", MediaTypes.JSON)).isZero();
        assertThat(MediaTypes.quality("text/html, application/*;q=0.4", MediaTypes.JSON)).isEqualTo(0.4);
        assertThat(MediaTypes.quality("text/html", MediaTypes.JSON)).isZero();
        assertThat(MediaTypes.quality("APPLICATION/JSON", MediaTypes.JSON)).isEqualTo(1);
    }

    @Test
    void qualityIgnoresMalformedRanges() {
        assertThat(MediaTypes.quality("garbage, application/json;q=2", MediaTypes.JSON)).isZero();
        assertThat(MediaTypes.quality("garbage, */*;q=0.5", MediaTypes.JSON)).isEqualTo(0.5);
    }

    @Test
    void prefersJsonOnlyWhenNamedAndNotBelowHtml() {
        assertThat(MediaTypes.prefersJson("application/json")).isTrue();
        assertThat(MediaTypes.prefersJson("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isFalse();
        assertThat(MediaTypes.prefersJson("text/html, application/json;q=0.5")).isFalse();
        assertThat(MediaTypes.prefersJson("application/json, text/html;q=0.5")).isTrue();
        assertThat(MediaTypes.prefersJson(null)).isFalse();
    }

    @Test
    void weightedHeadersDropMalformedElements() {
        assertThat(Weighted.parse("de-CH, fr;q=0.8, en;q=x, ;q=1, it;q=0")).containsExactly(
                new Weighted("de-ch", 1), new Weighted("fr", 0.8), new Weighted("it", 0));
    }
}
