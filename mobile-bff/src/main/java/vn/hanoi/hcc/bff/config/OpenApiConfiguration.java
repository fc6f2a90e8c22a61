package vn.hanoi.hcc.bff.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3 document served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenApiErrorResponses openApiErrorResponses() {
        return new OpenApiErrorResponses();
    }

    @Bean
    OpenApiGatewayView openApiGatewayView() {
        return new OpenApiGatewayView();
    }

    @Bean
    OpenApiNullableReferences openApiNullableReferences() {
        return new OpenApiNullableReferences();
    }

    @Bean
    OpenAPI hccOpenApi(ObjectProvider<BuildProperties> build) {
        String version =
                build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("HCC Hanoi mobile API")
                        .version(version)
                        .description("""
                        The mobile API of Hanoi's Public Administrative Service Center, as served through \
                        the gateway under /api/v1. Errors are application/problem+json (RFC 9457) with a \
                        stable type, a constant title and the request id.""")
                        .contact(new Contact().name("Trung tâm Phục vụ hành chính công Hà Nội"))
                        .license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("A person's token from the city's identity provider (VNeID)"))
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Api-Key")
                                        .description("A machine client's key, made by the Center")));
    }
}
