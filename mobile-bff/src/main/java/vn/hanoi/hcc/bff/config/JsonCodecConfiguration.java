package vn.hanoi.hcc.bff.config;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies are read by {@link StrictUtf8JsonDecoder}, with the application's JSON mapper. */
@Configuration(proxyBeanMethods = false)
class JsonCodecConfiguration {

    /** After Spring Boot's own Jackson customizer (order 0), whose decoder this one replaces. */
    @Bean
    @Order(1)
    CodecCustomizer strictUtf8JsonDecoder(JsonMapper mapper) {
        return configurer -> configurer.defaultCodecs().jacksonJsonDecoder(new StrictUtf8JsonDecoder(mapper));
    }
}
