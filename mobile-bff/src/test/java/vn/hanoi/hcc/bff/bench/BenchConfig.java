package vn.hanoi.hcc.bff.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * What the benchmarks share: the settings of config/mobile-bff/application.yml, bound as the
 * application binds them, and a JDBC connection to the benchmark database (the {@code bench.jdbc}
 * system property, set by bench/nearest-bench.sh).
 */
public final class BenchConfig {

    private BenchConfig() {}

    /** The {@code prefix} properties of the BFF's shared configuration, as the given type. */
    public static <T> T bind(String prefix, Class<T> type) {
        return bind(Path.of(System.getProperty("bench.config", "config/mobile-bff/application.yml")), prefix, type);
    }

    /** The {@code prefix} properties of this configuration file, as the given type. */
    public static <T> T bind(Path file, String prefix, Class<T> type) {
        try {
            List<PropertySource<?>> sources =
                    new YamlPropertySourceLoader().load("application", new FileSystemResource(file));
            return new Binder(
                            ConfigurationPropertySources.from(sources),
                            new PropertySourcesPlaceholdersResolver(sources))
                    .bind(prefix, type)
                    .orElseThrow(() -> new IllegalStateException("No " + prefix + " in " + file));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public static Connection database() throws SQLException {
        String url = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/hcc_bench?user=postgres");
        return DriverManager.getConnection(url);
    }
}
