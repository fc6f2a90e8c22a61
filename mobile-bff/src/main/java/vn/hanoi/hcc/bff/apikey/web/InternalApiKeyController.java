package vn.hanoi.hcc.bff.apikey.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.apikey.ApiKeyService;
import vn.hanoi.hcc.bff.security.Caller;

/**
 * {@code GET /internal/v1/api-keys/{hash}}: the gateway resolves a presented key by its hash. Only
 * the gateway itself may ask; the path is never routed from outside.
 */
@RestController
@Hidden
class InternalApiKeyController {

    private final ApiKeyService keys;

    InternalApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    /** What the gateway signs into the internal token: {@code agencies} only for an agent. */
    record ApiClientResponse(
            String clientId, String kind, List<String> scopes, String rateTier, List<String> agencies) {}

    @GetMapping(path = "/internal/v1/api-keys/{hash}", produces = "application/json")
    Mono<ApiClientResponse> resolve(@PathVariable String hash, Caller caller) {
        caller.requireService();
        return keys.findActiveByHash(hash)
                .map(key -> new ApiClientResponse(
                        key.clientId(),
                        key.kind(),
                        key.scopes().stream().sorted().toList(),
                        key.rateTier(),
                        key.agencies().stream().sorted().toList()));
    }
}
