package dev.connect.oauth.application.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.out.StoreUnavailableException;
import dev.connect.oauth.application.testdata.TestApplication;
import org.junit.jupiter.api.Test;

class CheckReadinessServiceTest {
    private final TestApplication app = new TestApplication();

    @Test
    void checkWhenStoreAnswersThenReady() {
        assertThatCode(app.checkReadiness::check).doesNotThrowAnyException();
    }

    @Test
    void checkWhenStoreDownThenStoreUnavailable() {
        app.store.setAvailable(false);

        assertThatThrownBy(app.checkReadiness::check).isInstanceOf(StoreUnavailableException.class);
    }
}
