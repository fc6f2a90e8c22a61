package vn.hanoi.hcc.bff;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;

/**
 * The BFF's R2DBC connection factory alone, as Spring Boot builds it from config/mobile-bff in the
 * {@code prod} profile, for tests of what stands between it and PostgreSQL (a pooler, a network).
 */
public final class ProductionPool {

    private ProductionPool() {}

    /**
     * Runs the check with that connection factory, for this database reached at this port (of a
     * pooler or a relay in front of it), with these properties overridden; closes it after.
     */
    public static void with(
            PostgresAddress database, int port, List<String> overrides, Consumer<DatabaseClient> check) {
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class))
                .withPropertyValues(
                        "spring.profiles.active=prod",
                        "HCC_DB_HOST=" + database.host(),
                        "HCC_DB_PORT=" + port,
                        "HCC_DB_NAME=" + database.database(),
                        "HCC_DB_USER=" + database.user(),
                        "HCC_DB_PASSWORD=" + database.password())
                .withPropertyValues(overrides.toArray(String[]::new))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    check.accept(DatabaseClient.create(context.getBean(ConnectionFactory.class)));
                });
    }
}
