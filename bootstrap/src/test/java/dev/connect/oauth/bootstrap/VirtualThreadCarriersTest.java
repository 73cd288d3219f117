package dev.connect.oauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class VirtualThreadCarriersTest {
    private final Properties properties = new Properties();

    @Test
    void configureWhenJdk24OrLaterThenHalfTheCores() {
        VirtualThreadCarriers.configure(properties, 25, 8);

        assertThat(properties.getProperty(VirtualThreadCarriers.PARALLELISM)).isEqualTo("4");
    }

    @Test
    void configureWhenOneCoreThenOneCarrier() {
        VirtualThreadCarriers.configure(properties, 25, 1);

        assertThat(properties.getProperty(VirtualThreadCarriers.PARALLELISM)).isEqualTo("1");
    }

    @Test
    void configureWhenOperatorChoseThenTheirChoiceStays() {
        properties.setProperty(VirtualThreadCarriers.PARALLELISM, "3");

        VirtualThreadCarriers.configure(properties, 25, 2);

        assertThat(properties.getProperty(VirtualThreadCarriers.PARALLELISM)).isEqualTo("3");
    }

    @Test
    void configureWhenJdkBefore24ThenTheJdkDefault() {
        VirtualThreadCarriers.configure(properties, 21, 8);

        assertThat(properties.getProperty(VirtualThreadCarriers.PARALLELISM)).isNull();
    }
}
