package vn.hanoi.hcc.bff.apikey;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.hanoi.hcc.contract.apikey.ApiKeyHasher;

/** Keys are stored by their HMAC with the pepper the gateway hashes presented keys with. */
@Configuration(proxyBeanMethods = false)
class ApiKeyConfiguration {

    @Bean
    ApiKeyHasher apiKeyHasher(ApiKeyProperties properties) {
        return new ApiKeyHasher(properties.pepper());
    }
}
