package dev.supportpulse.survey.error;

import java.util.List;
import java.util.Map;

import io.smallrye.graphql.api.ErrorCode;

import dev.supportpulse.support.ProblemException;
import dev.supportpulse.survey.dto.Violation;

/** A body that breaks the contract (wrong type, missing field, score out of range, ...); nothing was stored. */
@ErrorCode("BAD_USER_INPUT")
public class InvalidRequestException extends ProblemException {

    private final List<Violation> errors;

    public InvalidRequestException(List<Violation> errors) {
        super(400, "invalid-request", "Invalid request", describe(errors));
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new Violation(null, field, message)));
    }

    private static String describe(List<Violation> errors) {
        if (errors.size() == 1) {
            Violation only = errors.get(0);
            return (only.field() == null ? "" : only.field() + ": ") + only.message() + " Nothing was stored.";
        }
        return errors.size() + " errors in the request; nothing was stored. Fix and resend it.";
    }

    public List<Violation> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("errors", errors);
    }
}
