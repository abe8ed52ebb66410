package dev.supportpulse.survey.service;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.supportpulse.support.Rfc3339;
import dev.supportpulse.support.StoredText;
import dev.supportpulse.survey.config.SurveyConfig;
import dev.supportpulse.survey.dto.Violation;
import dev.supportpulse.survey.error.InvalidRequestException;
import dev.supportpulse.survey.error.PayloadTooLargeException;
import dev.supportpulse.survey.model.ImportedResponse;
import dev.supportpulse.survey.model.NewAnswer;
import dev.supportpulse.survey.model.NewInvitation;
import dev.supportpulse.survey.model.SurveyKind;

/**
 * Reads request bodies strictly: every field has one JSON type, unknown fields are refused, and every error of a batch
 * is named with its item and field, so a caller can fix all of them in one go.
 */
@ApplicationScoped
public class RequestParser {

    /** Longest comment a customer may leave, in characters (code points). */
    public static final int MAX_COMMENT_CHARS = 2000;
    /** Longest id or dimension value, as for events. */
    static final int MAX_ID_CHARS = 128;

    private static final Set<String> INVITATION_FIELDS = Set.of("kind", "ticketId", "customerId", "agentId", "teamId",
            "channel", "region", "locale", "sentAt", "expiresAt");
    private static final Set<String> IMPORT_FIELDS = Set.of("kind", "ticketId", "customerId", "agentId", "teamId",
            "channel", "region", "locale", "sentAt", "submittedAt", "score", "comment");
    private static final Set<String> ANSWER_FIELDS = Set.of("score", "comment");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,4}");
    /** Clock skew tolerated between a caller and us for times that may not lie in the future. */
    private static final long FUTURE_SKEW_SECONDS = 300;

    /** A key given twice, or anything after the JSON value, is bad input rather than silently dropped. */
    private final ObjectReader json;
    private final SurveyConfig.Survey config;

    public RequestParser(ObjectMapper mapper, SurveyConfig config) {
        this.json = mapper.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.config = config.survey();
    }

    /** Invitations from one object or an array of them; the second element says whether it was an array. */
    public Parsed<NewInvitation> invitations(byte[] body, OffsetDateTime now) {
        return batch(body, (item, sink) -> invitation(item, sink, now, false));
    }

    /** Past answers to import: always an array (a single object is accepted as a batch of one). */
    public Parsed<ImportedResponse> importedResponses(byte[] body, OffsetDateTime now) {
        return batch(body, (item, sink) -> importedResponse(item, sink, now));
    }

    /** A customer's answer: {@code {"score": int, "comment": string?}}. */
    public NewAnswer answer(byte[] body) {
        JsonNode root = read(body);
        Errors errors = new Errors(null);
        if (!root.isObject()) {
            throw InvalidRequestException.of(null,
                    "The body must be a JSON object with 'score' and optional 'comment'.");
        }
        unknownFields(root, ANSWER_FIELDS, errors);
        Long score = score(root, errors);
        String comment = comment(root, errors);
        errors.throwIfAny();
        return new NewAnswer(score, comment);
    }

    /** Checks an answer given as arguments (GraphQL), with the same rules as a REST body. */
    public NewAnswer answer(int score, String comment) {
        if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT_CHARS) {
            throw InvalidRequestException.of("comment", "is longer than " + MAX_COMMENT_CHARS + " characters.");
        }
        if (StoredText.holdsNul(comment)) {
            throw InvalidRequestException.of("comment", StoredText.NUL_MESSAGE);
        }
        return new NewAnswer(score, comment);
    }

    /** Items of a batch, and whether the body was an array (the answer's shape follows the request's). */
    public record Parsed<T>(List<T> items, boolean array) {
    }

    private interface ItemParser<T> {
        T parse(JsonNode item, Errors errors);
    }

    private <T> Parsed<T> batch(byte[] body, ItemParser<T> parser) {
        JsonNode root = read(body);
        boolean array = root.isArray();
        if (!array && !root.isObject()) {
            throw InvalidRequestException.of(null, "The body must be a JSON object or an array of objects.");
        }
        if (array && root.isEmpty()) {
            throw InvalidRequestException.of(null, "The batch is empty.");
        }
        if (array && root.size() > config.maxBatch()) {
            throw PayloadTooLargeException.forBatch(root.size(), config.maxBatch());
        }
        List<Violation> violations = new ArrayList<>();
        List<T> items = new ArrayList<>();
        Iterator<JsonNode> elements = array ? ((ArrayNode) root).elements() : List.of(root).iterator();
        for (int index = 0; elements.hasNext(); index++) {
            JsonNode item = elements.next();
            Errors errors = new Errors(array ? index : null);
            if (!item.isObject()) {
                errors.add(null, "must be a JSON object.");
            } else {
                T parsed = parser.parse(item, errors);
                items.add(parsed);
            }
            violations.addAll(errors.list);
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new Parsed<>(items, array);
    }

    private NewInvitation invitation(JsonNode item, Errors errors, OffsetDateTime now, boolean imported) {
        unknownFields(item, imported ? IMPORT_FIELDS : INVITATION_FIELDS, errors);
        SurveyKind kind = kind(item, errors);
        String ticketId = text(item, "ticketId", imported, errors);
        String locale = text(item, "locale", false, errors);
        if (locale != null && !LANGUAGE_TAG.matcher(locale).matches()) {
            errors.add("locale", "must be a language tag such as 'sv' or 'de-AT'.");
        }
        OffsetDateTime sentAt = time(item, "sentAt", imported, errors);
        OffsetDateTime expiresAt = imported ? null : time(item, "expiresAt", false, errors);
        if (sentAt != null && sentAt.isAfter(now.plusSeconds(FUTURE_SKEW_SECONDS))) {
            errors.add("sentAt", "lies in the future; an invitation is recorded when it has been sent.");
        }
        OffsetDateTime sent = sentAt == null ? now : sentAt;
        if (expiresAt != null && !expiresAt.isAfter(sent)) {
            errors.add("expiresAt", "must be after sentAt (" + sent + ").");
        }
        return new NewInvitation(kind, ticketId, text(item, "customerId", false, errors),
                text(item, "agentId", false, errors), text(item, "teamId", false, errors),
                text(item, "channel", false, errors), text(item, "region", false, errors), locale, sent,
                expiresAt == null ? sent.plus(config.defaultExpiry()) : expiresAt);
    }

    private ImportedResponse importedResponse(JsonNode item, Errors errors, OffsetDateTime now) {
        NewInvitation invitation = invitation(item, errors, now, true);
        OffsetDateTime submittedAt = time(item, "submittedAt", true, errors);
        if (submittedAt != null && invitation.sentAt() != null && submittedAt.isBefore(invitation.sentAt())) {
            errors.add("submittedAt", "is before sentAt; an answer comes after its invitation.");
        }
        if (submittedAt != null && submittedAt.isAfter(now.plusSeconds(FUTURE_SKEW_SECONDS))) {
            errors.add("submittedAt", "lies in the future; only past answers are imported.");
        }
        Long score = score(item, errors);
        if (score != null && invitation.kind() != null && !invitation.kind().accepts(score)) {
            errors.add("score", scaleMessage(invitation.kind()));
        }
        String comment = comment(item, errors);
        // An imported invitation must outlive its answer; it is never answered again, so the exact expiry is moot.
        OffsetDateTime closedAt = submittedAt == null ? invitation.expiresAt()
                : latest(invitation.expiresAt(), submittedAt.plusSeconds(1));
        NewInvitation closed = new NewInvitation(invitation.kind(), invitation.ticketId(), invitation.customerId(),
                invitation.agentId(), invitation.teamId(), invitation.channel(), invitation.region(),
                invitation.locale(), invitation.sentAt(), closedAt);
        return new ImportedResponse(closed, score == null ? 0 : score.intValue(), comment, submittedAt);
    }

    public static String scaleMessage(SurveyKind kind) {
        return "must be an integer from " + kind.minScore() + " to " + kind.maxScore() + " for a " + kind + " survey.";
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidRequestException.of(null, "The body is empty; send JSON.");
        }
        try {
            JsonNode root = json.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw InvalidRequestException.of(null, "The body is empty; send JSON.");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw InvalidRequestException.of(null, "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InvalidRequestException.of(null, "The body could not be read: " + e.getMessage());
        }
    }

    private static void unknownFields(JsonNode item, Set<String> known, Errors errors) {
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext();) {
            String name = it.next().getKey();
            if (!known.contains(name)) {
                errors.add(name, "is not a known field.");
            }
        }
    }

    private static SurveyKind kind(JsonNode item, Errors errors) {
        String name = text(item, "kind", true, errors);
        if (name == null) {
            return null;
        }
        SurveyKind kind = SurveyKind.named(name);
        if (kind == null) {
            errors.add("kind", "'" + name + "' is not a survey kind; use CSAT, CES or NPS.");
        }
        return kind;
    }

    private static Long score(JsonNode item, Errors errors) {
        JsonNode score = item.get("score");
        if (score == null || score.isNull()) {
            errors.add("score", "is required.");
            return null;
        }
        if (!score.isIntegralNumber() || !score.canConvertToLong()) {
            errors.add("score", "must be a JSON integer, not " + describe(score) + ".");
            return null;
        }
        return score.longValue();
    }

    private static String comment(JsonNode item, Errors errors) {
        JsonNode comment = item.get("comment");
        if (comment == null || comment.isNull()) {
            return null;
        }
        if (!comment.isTextual()) {
            errors.add("comment", "must be a string, not " + describe(comment) + ".");
            return null;
        }
        String text = comment.textValue();
        if (text.codePointCount(0, text.length()) > MAX_COMMENT_CHARS) {
            errors.add("comment", "is longer than " + MAX_COMMENT_CHARS + " characters.");
        }
        if (StoredText.holdsNul(text)) {
            errors.add("comment", StoredText.NUL_MESSAGE);
        }
        return text;
    }

    private static String text(JsonNode item, String field, boolean required, Errors errors) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(field, "is required.");
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(field, "must be a string, not " + describe(value) + ".");
            return null;
        }
        String text = value.textValue();
        if (text.isEmpty() || text.length() > MAX_ID_CHARS) {
            errors.add(field, "must be 1 to " + MAX_ID_CHARS + " characters long.");
            return null;
        }
        if (StoredText.holdsNul(text)) {
            errors.add(field, StoredText.NUL_MESSAGE);
            return null;
        }
        return text;
    }

    private static OffsetDateTime time(JsonNode item, String field, boolean required, Errors errors) {
        String text = text(item, field, required, errors);
        if (text == null) {
            return null;
        }
        OffsetDateTime time = Rfc3339.parse(text);
        if (time == null) {
            errors.add(field, "must be an RFC 3339 timestamp with an offset, such as 2026-03-01T12:00:00Z.");
        }
        return time;
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
        case STRING -> "a string";
        case NUMBER -> "the number " + value.asText();
        case BOOLEAN -> "a boolean";
        case ARRAY -> "an array";
        case OBJECT -> "an object";
        default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** The violations of one item. */
    private static final class Errors {
        private final Integer index;
        private final List<Violation> list = new ArrayList<>();

        Errors(Integer index) {
            this.index = index;
        }

        void add(String field, String message) {
            list.add(new Violation(index, field, message));
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new InvalidRequestException(list);
            }
        }
    }
}
