package vn.hanoi.hcc.bff;

import org.junit.jupiter.api.Test;

class OpenApiTest extends BffIntegrationTest {

    @Test
    void publishesAnOpenApi3DocumentOfThePublicApi() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").value(version -> org.assertj.core.api.Assertions.assertThat((String) version)
                        .startsWith("3."))
                .jsonPath("$.info.title").isEqualTo("HCC Hanoi mobile API")
                .jsonPath("$.paths['/api/v1/points'].get.parameters[?(@.name == 'type')]").exists()
                .jsonPath("$.paths['/api/v1/points/{id}'].get.responses['404']").exists()
                .jsonPath("$.components.schemas.Problem").exists()
                .jsonPath("$.paths['/api/v1/agent/dossiers'].post").exists()
                .jsonPath("$.paths['/api/v1/dossiers/lookup'].post").exists()
                .jsonPath("$.components.securitySchemes.apiKey.name").isEqualTo("X-Api-Key");
    }

    @Test
    void servesTheDocumentInEitherLanguageWithoutBuildingItOnAnEventLoop() {
        web.get().uri("/v3/api-docs").header("Accept-Language", "en").exchange().expectStatus().isOk();
        web.get().uri("/v3/api-docs").header("Accept-Language", "vi").exchange().expectStatus().isOk();
    }

    @Test
    void hidesTheCallerParameterAndTheInternalApi() {
        String document = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        org.assertj.core.api.Assertions.assertThat(document).doesNotContain("\"caller\"", "/internal/");
    }
}
