package vn.hanoi.hcc.bff.notification;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The push sender: the Firebase Admin SDK when a service account is configured
 * ({@code hcc.bff.push.firebase.credentials-file}, a mounted Kubernetes Secret, or
 * {@code credentials-json}, a Secret passed as an environment variable), or the logging
 * sender, announced loudly at startup, when none is (the local run). Tests reach the real SDK
 * through its seams: a {@link GoogleCredentials} bean (no token request) and an
 * {@link HttpTransport} bean (a fake FCM). FCM at another address
 * ({@code hcc.bff.push.firebase.endpoint}) is refused at startup unless {@link FcmEndpointPolicy}
 * allows it: a fake on loopback, in the tests, the local run or the benchmarks.
 */
@Configuration(proxyBeanMethods = false)
class PushConfiguration implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PushConfiguration.class);

    private volatile FirebaseApp app;

    @Bean
    PushSender pushSender(
            PushProperties properties,
            Clock clock,
            ObjectProvider<GoogleCredentials> givenCredentials,
            ObjectProvider<HttpTransport> givenTransport,
            Environment environment) {
        if (properties.firebase().redirected()) {
            FcmEndpointPolicy.check(properties.firebase().endpoint(), List.of(environment.getActiveProfiles()));
        }
        GoogleCredentials credentials = givenCredentials.getIfAvailable(() -> credentials(properties.firebase()));
        if (credentials == null) {
            log.warn("NO FIREBASE CREDENTIALS: pushes are LOGGED, NOT SENT (logging push sender). "
                    + "Set HCC_FIREBASE_CREDENTIALS_FILE (or HCC_FIREBASE_CREDENTIALS_JSON) to send them through FCM.");
            return new LoggingPushSender();
        }
        // Gson, which the SDK brings: its default names Jackson 2's factory, which is not on the class path
        FirebaseOptions.Builder options =
                FirebaseOptions.builder().setCredentials(credentials).setJsonFactory(GsonFactory.getDefaultInstance());
        String projectId = properties.firebase().projectId();
        if (projectId != null && !projectId.isBlank()) {
            options.setProjectId(projectId);
        }
        HttpTransport transport = givenTransport.getIfAvailable();
        if (transport != null) {
            options.setHttpTransport(transport);
        } else if (properties.firebase().redirected()) {
            log.warn(
                    "FCM REDIRECTED to {} (hcc.bff.push.firebase.endpoint): a benchmark or drill setting, never "
                            + "production's",
                    properties.firebase().endpoint());
            options.setHttpTransport(
                    FcmEndpointTransport.to(properties.firebase().endpoint()));
        }
        app = FirebaseApp.initializeApp(options.build(), "hcc-push-" + UUID.randomUUID());
        log.info("Pushes go through FCM (project {})", app.getOptions().getProjectId());
        return new FcmPushSender(FirebaseMessaging.getInstance(app), properties, clock);
    }

    private static GoogleCredentials credentials(PushProperties.Firebase firebase) {
        if (!firebase.configured()) {
            return null;
        }
        if (firebase.fromFile()) {
            return read(Path.of(firebase.credentialsFile()));
        }
        try {
            byte[] json = firebase.credentialsJson().getBytes(StandardCharsets.UTF_8);
            return GoogleCredentials.fromStream(new ByteArrayInputStream(json));
        } catch (IOException unreadable) {
            // the message could quote the secret: say only where it came from
            throw new IllegalStateException("HCC_FIREBASE_CREDENTIALS_JSON is not a service-account JSON");
        }
    }

    private static GoogleCredentials read(Path file) {
        try (InputStream json = Files.newInputStream(file)) {
            return GoogleCredentials.fromStream(json);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(
                    "Cannot read the Firebase service account " + file.getFileName(), unreadable);
        }
    }

    @Override
    public void destroy() {
        FirebaseApp current = app;
        if (current != null) {
            current.delete();
        }
    }
}
