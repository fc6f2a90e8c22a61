package vn.hanoi.hcc.bff.dossier.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.BatchItem;
import vn.hanoi.hcc.bff.dossier.BatchItemResult;
import vn.hanoi.hcc.bff.dossier.DossierEventService;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.error.Problem.InvalidParam;
import vn.hanoi.hcc.bff.error.ProblemMapper;
import vn.hanoi.hcc.bff.security.Caller;

/** Reads a batch event by event (an invalid one is refused alone) and reports every result. */
@Component
class BatchEvents {

    private final DossierEventService events;
    private final Validator validator;
    private final ProblemMapper problems;
    private final Clock clock;

    BatchEvents(DossierEventService events, Validator validator, ProblemMapper problems, Clock clock) {
        this.clock = clock;
        this.events = events;
        this.validator = validator;
        this.problems = problems;
    }

    Mono<AgentResponses.Batch> apply(BatchRequest request, Caller client, ServerWebExchange exchange) {
        List<BatchItem> items = new ArrayList<>();
        for (int index = 0; index < request.events().size(); index++) {
            items.add(read(index, request.events().get(index)));
        }
        return events.applyBatch(items, client).map(results -> {
            List<AgentResponses.BatchResult> reported =
                    results.stream().map(result -> report(result, exchange)).toList();
            int refused = (int)
                    reported.stream().filter(result -> result.problem() != null).count();
            return new AgentResponses.Batch(reported.size() - refused, refused, reported);
        });
    }

    private BatchItem read(int index, BatchEventRequest event) {
        if (event == null) {
            return BatchItem.invalid(index, null, null, InvalidRequestException.of("events[" + index + "]", "is null"));
        }
        Set<ConstraintViolation<BatchEventRequest>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            List<InvalidParam> errors = new ArrayList<>();
            violations.forEach(violation ->
                    errors.add(new InvalidParam(violation.getPropertyPath().toString(), violation.getMessage())));
            return BatchItem.invalid(index, event.code(), event.eventId(), new InvalidRequestException(errors));
        }
        try {
            return BatchItem.valid(index, event.code(), DossierRequests.event(event.event(), clock.instant()));
        } catch (InvalidRequestException invalid) {
            return BatchItem.invalid(index, event.code(), event.eventId(), invalid);
        }
    }

    private AgentResponses.BatchResult report(BatchItemResult result, ServerWebExchange exchange) {
        BatchItem item = result.item();
        if (result.failure() != null) {
            return new AgentResponses.BatchResult(
                    item.index(),
                    item.code(),
                    item.event().eventId(),
                    "refused",
                    null,
                    null,
                    problems.problemFor(result.failure(), exchange));
        }
        AgentResponses.Event outcome = AgentResponses.Event.of(result.outcome());
        return new AgentResponses.BatchResult(
                item.index(),
                item.code(),
                item.event().eventId(),
                outcome.result(),
                outcome.status(),
                outcome.dueAt(),
                null);
    }
}
