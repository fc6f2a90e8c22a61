package vn.hanoi.hcc.gateway.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;

/**
 * The body of an error the gateway answers itself (RFC 9457), with the request id.
 *
 * @param type stable URI naming the kind of problem
 * @param title constant summary of the type
 * @param status the HTTP status code
 * @param detail what went wrong with this request
 * @param instance the path of the request
 * @param requestId the {@code X-Request-Id} of the request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GatewayProblem(URI type, String title, int status, String detail, String instance, String requestId) {}
