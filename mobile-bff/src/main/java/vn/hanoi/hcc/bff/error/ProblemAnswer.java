package vn.hanoi.hcc.bff.error;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A problem with the status and extra headers (Allow, Retry-After) it is answered with. */
record ProblemAnswer(Problem problem, HttpHeaders headers) {

    ResponseEntity<Problem> toResponseEntity() {
        return ResponseEntity.status(problem.status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
