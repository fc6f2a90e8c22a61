package vn.hanoi.hcc.bff.error;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Turns every exception a controller raises into {@code application/problem+json}. */
@RestControllerAdvice
class ProblemDetailsAdvice {

    private final ProblemMapper mapper;

    ProblemDetailsAdvice(ProblemMapper mapper) {
        this.mapper = mapper;
    }

    @ExceptionHandler(Throwable.class)
    ResponseEntity<Problem> handle(Throwable error, ServerWebExchange exchange) {
        return mapper.map(error, exchange).toResponseEntity();
    }
}
