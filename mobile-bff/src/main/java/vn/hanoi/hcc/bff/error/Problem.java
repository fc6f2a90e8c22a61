package vn.hanoi.hcc.bff.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * The body of every error answer ({@code application/problem+json}, RFC 9457), with two
 * extension members: the request id, and the invalid parameters of a 400.
 *
 * @param type stable URI naming the kind of problem
 * @param title constant, human-readable summary of the type
 * @param status the HTTP status code
 * @param detail what went wrong with this request
 * @param instance the path of the request
 * @param requestId the {@code X-Request-Id} of the request, to quote to support
 * @param errors the parameters or fields that were invalid, for a 400, or that this caller may not
 *        use, for a 403
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<InvalidParam> errors) {

    /** One invalid parameter or body field and why it was refused. */
    public record InvalidParam(String name, String reason) {}
}
