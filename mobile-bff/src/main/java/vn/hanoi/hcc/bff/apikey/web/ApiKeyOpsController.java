package vn.hanoi.hcc.bff.apikey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.apikey.ApiKeyService;
import vn.hanoi.hcc.bff.security.Caller;
import vn.hanoi.hcc.bff.security.Roles;

/** The Center's staff make, list and revoke machine clients' API keys. */
@RestController
@RequestMapping(path = "/api/v1/ops/api-keys", produces = "application/json")
@Tag(name = "Ops: API keys", description = "Keys of online public-service agents and the city system")
@SecurityRequirement(name = "bearer", scopes = Roles.OPS)
class ApiKeyOpsController {

    static final String OPS = "ops";

    private final ApiKeyService keys;

    ApiKeyOpsController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Make a key", description = "The plain key is in this answer only; it is stored nowhere.")
    @ApiResponse(responseCode = "201", description = "The key, with apiKey")
    @ApiResponse(responseCode = "400", description = "An invalid field, named in errors")
    @ApiResponse(responseCode = "403", description = "Not Center staff")
    Mono<ResponseEntity<CreatedApiKeyResponse>> create(@RequestBody CreateApiKeyRequest request, Caller caller) {
        Caller staff = caller.requireRole(OPS);
        return keys.create(request.toNewKey(), staff.subject())
                .map(CreatedApiKeyResponse::of)
                .map(created -> ResponseEntity.created(URI.create("/api/v1/ops/api-keys/" + created.id()))
                        .cacheControl(CacheControl.noStore())
                        .body(created));
    }

    @GetMapping
    @Operation(summary = "List keys, newest first (never the keys themselves)")
    Mono<List<ApiKeyResponse>> list(Caller caller) {
        caller.requireRole(OPS);
        return keys.list().map(ApiKeyResponse::of).collectList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a key", description = "Every gateway refuses it within 10 seconds. Idempotent.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "No key has this id")
    Mono<Void> revoke(@PathVariable UUID id, Caller caller) {
        caller.requireRole(OPS);
        return keys.revoke(id).then();
    }
}
