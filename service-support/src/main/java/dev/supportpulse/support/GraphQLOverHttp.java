package dev.supportpulse.support;

import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/**
 * The HTTP side of a service's {@code /graphql} endpoint, as the GraphQL-over-HTTP specification
 * (https://graphql.github.io/graphql-over-http/draft/) asks, in front of SmallRye GraphQL, which still executes every
 * operation (same schema, error codes, security identity and request context as before).
 *
 * <p>
 * Quarkus's own handler answers {@code application/graphql-response+json} requests 200 even when the document does not
 * parse or validate, offers {@code application/graphql+json} (an old draft's type) for {@code Accept: *}{@code /*},
 * takes a POST without Content-Type, and its GET support decodes parameters twice and loses {@code operationName}. This
 * handler takes the route instead and:
 * <ul>
 * <li>negotiates the response type from Accept: {@code application/graphql-response+json} or {@code application/json}
 * ({@code *}{@code /*}, {@code application/*} and no Accept mean {@code application/json}); anything else is 406;</li>
 * <li>takes POST with {@code application/json} (any charset Java knows; UTF-8 when none is named) and, as before,
 * {@code application/graphql}; no or another Content-Type is 415;</li>
 * <li>takes GET with URL parameters {@code query}, {@code operationName}, {@code variables} and {@code extensions}
 * (JSON); a mutation over GET is 405 with {@code Allow: POST};</li>
 * <li>answers a body that is not JSON, or parameters of the wrong type or a missing {@code query}, with 400;</li>
 * <li>with {@code application/json}, always 200 for an executed request, whatever its GraphQL errors (as the
 * specification requires of that type); with {@code application/graphql-response+json}, 400 for a request error (the
 * response has no {@code data}: the document does not parse or validate, variables do not coerce) and 200 once
 * execution started, also when fields failed ({@code data} present, even null).</li>
 * </ul>
 * Other methods are 405. Errors that this handler itself reports have the usual GraphQL shape, {@code {"errors":
 * [{"message": ..., "extensions": {"code": ...}}]}}; graphql-java's own refusals (parse, validation, variable coercion)
 * get {@code extensions.code} BAD_USER_INPUT, so that every bad input has a code.
 *
 * <p>
 * It extends Quarkus's {@link SmallRyeGraphQLAbstractHandler}, which activates the request context, associates the
 * (deferred) security identity and sets {@link CurrentVertxRequest} exactly as Quarkus's own handler does; that class
 * is Quarkus runtime code, not API, so check it when upgrading Quarkus.
 */
public final class GraphQLOverHttp extends SmallRyeGraphQLAbstractHandler {

    /** The response type of the GraphQL-over-HTTP specification. */
    public static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    public static final String APPLICATION_JSON = "application/json";
    /** The draft's earlier name of {@link #GRAPHQL_RESPONSE_JSON}, which Quarkus used to offer; still understood. */
    static final String LEGACY_GRAPHQL_JSON = "application/graphql+json";
    /** A POST body that is the document itself, which Quarkus took and so do we. */
    static final String APPLICATION_GRAPHQL = "application/graphql";

    private static final Logger LOG = Logger.getLogger(GraphQLOverHttp.class);
    private static final JsonProvider JSON = JsonProvider.provider();
    // Quarkus's handler tolerates raw line breaks and tabs in JSON strings (Java text blocks); so do we.
    private static final Pattern RAW_BREAKS = Pattern.compile("[\n\t\r]");
    private static final String ALLOW = "GET, POST, OPTIONS";

    /** Answers kept for repeated requests, or null. */
    private final GraphQLResponseCache cache;

    private GraphQLOverHttp(CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest,
            GraphQLResponseCache cache) {
        super(identities, currentRequest, false);
        this.cache = cache;
    }

    /**
     * Puts the handler on the GraphQL path ({@code quarkus.smallrye-graphql.root-path}) of {@code router}, before
     * SmallRye's own route, after Quarkus's filters (CORS, authentication). Bodies are read up to
     * {@code quarkus.http.limits.max-body-size}.
     *
     * @param identities
     *            the application's identity association, or null without Quarkus security
     */
    public static void register(Router router, CurrentIdentityAssociation identities, CurrentVertxRequest request) {
        register(router, identities, request, null);
    }

    /**
     * As {@link #register(Router, CurrentIdentityAssociation, CurrentVertxRequest)}, serving repeated requests from
     * {@code cache} (null: none).
     */
    public static void register(Router router, CurrentIdentityAssociation identities, CurrentVertxRequest request,
            GraphQLResponseCache cache) {
        var config = ConfigProvider.getConfig();
        String root = config.getOptionalValue("quarkus.smallrye-graphql.root-path", String.class).orElse("graphql");
        String path = root.startsWith("/") ? root : "/" + root;
        long maxBody = config.getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(10240L * 1024);
        // SmallRye's route has a small positive order (routes are numbered as they are added); filters run at
        // negative orders (CORS, authentication), so -1 comes after them and before SmallRye.
        router.route(path).order(-1).handler(BodyHandler.create(false).setBodyLimit(maxBody))
                .handler(new GraphQLOverHttp(identities, request, cache));
    }

    /** A response type this endpoint produces, and whether request errors get a 4xx (the specification's new type). */
    enum MediaType {
        JSON(APPLICATION_JSON, false), GRAPHQL_RESPONSE(GRAPHQL_RESPONSE_JSON, true),
        // Answered as before (200 for every executed request), under the name the client asked for.
        LEGACY(LEGACY_GRAPHQL_JSON, false);

        final String contentType;
        final boolean requestErrorsAre4xx;

        MediaType(String name, boolean requestErrorsAre4xx) {
            this.contentType = name + "; charset=utf-8";
            this.requestErrorsAre4xx = requestErrorsAre4xx;
        }
    }

    /** An answer before execution: status, GraphQL error code and message. */
    static final class Refusal extends Exception {
        final int status;
        final String code;

        Refusal(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    @Override
    protected void doHandle(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        HttpMethod method = ctx.request().method();
        if (HttpMethod.OPTIONS.equals(method)) {
            // CORS preflights never get here: Quarkus's CORS filter answers them.
            response.putHeader(HttpHeaders.ALLOW, ALLOW).setStatusCode(204).end();
            return;
        }
        MediaType type = negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT));
        try {
            if (type == null) {
                throw new Refusal(406, "NOT_ACCEPTABLE",
                        "Accept " + GRAPHQL_RESPONSE_JSON + " or " + APPLICATION_JSON + " (or leave Accept out)");
            }
            JsonObject input;
            if (HttpMethod.POST.equals(method)) {
                input = fromBody(ctx);
            } else if (HttpMethod.GET.equals(method)) {
                input = fromQueryString(ctx);
            } else {
                response.putHeader(HttpHeaders.ALLOW, ALLOW);
                throw new Refusal(405, "METHOD_NOT_ALLOWED", "Use POST (or GET for queries)");
            }
            Object key = cache == null ? null : cache.key(ctx, input, type.contentType);
            String kept = key == null ? null : cache.get(key, ctx);
            if (kept != null) {
                response.putHeader(HttpHeaders.CONTENT_TYPE, type.contentType).setStatusCode(200)
                        .end(Buffer.buffer(kept, "UTF-8"));
                return;
            }
            getExecutionService().executeAsync(input, getMetaData(ctx),
                    new Writer(ctx, type, key == null ? null : cache, key));
        } catch (Refusal refusal) {
            refuse(response, type == null ? MediaType.JSON : type, refusal);
        }
    }

    // ---------------------------------------------------------------- Accept

    /** The response type for an Accept header: the acceptable one with the highest q; null when none is. */
    static MediaType negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return MediaType.JSON;
        }
        record Offer(MediaType type, double q, int specificity, int position) {
        }
        List<Offer> offers = new ArrayList<>();
        String[] ranges = accept.split(",");
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].split(";");
            String range = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            boolean utf8 = true;
            for (int p = 1; p < parts.length; p++) {
                String[] parameter = parts[p].split("=", 2);
                String name = parameter[0].trim().toLowerCase(Locale.ROOT);
                String value = parameter.length > 1 ? unquote(parameter[1].trim()) : "";
                if (name.equals("q")) {
                    q = parseQ(value);
                } else if (name.equals("charset")) {
                    utf8 = value.equalsIgnoreCase("utf-8") || value.equalsIgnoreCase("utf8");
                }
            }
            if (q <= 0 || !utf8) {
                continue;
            }
            switch (range) {
            case GRAPHQL_RESPONSE_JSON -> offers.add(new Offer(MediaType.GRAPHQL_RESPONSE, q, 2, i));
            case APPLICATION_JSON -> offers.add(new Offer(MediaType.JSON, q, 2, i));
            case LEGACY_GRAPHQL_JSON -> offers.add(new Offer(MediaType.LEGACY, q, 2, i));
            case "application/*" -> offers.add(new Offer(MediaType.JSON, q, 1, i));
            case "*/*" -> offers.add(new Offer(MediaType.JSON, q, 0, i));
            default -> {
            }
            }
        }
        return offers.stream().min(Comparator.comparingDouble((Offer o) -> -o.q())
                .thenComparingInt(o -> -o.specificity()).thenComparingInt(Offer::position)).map(Offer::type)
                .orElse(null);
    }

    private static double parseQ(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    // ---------------------------------------------------------------- Request

    private static JsonObject fromBody(RoutingContext ctx) throws Refusal {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || contentType.isBlank()) {
            throw new Refusal(415, "UNSUPPORTED_MEDIA_TYPE", "Send the request as Content-Type " + APPLICATION_JSON);
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        Charset charset = StandardCharsets.UTF_8;
        for (int p = 1; p < parts.length; p++) {
            String[] parameter = parts[p].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset") && parameter.length > 1) {
                charset = charset(unquote(parameter[1].trim()));
            }
        }
        boolean json = mediaType.equals(APPLICATION_JSON);
        if (!json && !mediaType.equals(APPLICATION_GRAPHQL)) {
            throw new Refusal(415, "UNSUPPORTED_MEDIA_TYPE",
                    "Content-Type " + mediaType + " is not supported: send " + APPLICATION_JSON);
        }
        String body = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().buffer().toString(charset);
        if (!json) {
            if (body.isBlank()) {
                throw new Refusal(400, "BAD_REQUEST", "The request has no GraphQL document");
            }
            return JSON.createObjectBuilder().add("query", body).build();
        }
        if (body.isBlank()) {
            throw new Refusal(400, "BAD_REQUEST", "The request has no body: send {\"query\": ...}");
        }
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(RAW_BREAKS.matcher(body).replaceAll(" ")))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new Refusal(400, "BAD_REQUEST", "The body is not JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Refusal(400, "BAD_REQUEST", "The body must be a JSON object with query");
        }
        JsonObject request = value.asJsonObject();
        return checked(request.get("query"), request.get("operationName"), request.get("variables"),
                request.get("extensions"));
    }

    private static Charset charset(String name) throws Refusal {
        try {
            if (Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        } catch (IllegalCharsetNameException e) {
            // refused below
        }
        throw new Refusal(415, "UNSUPPORTED_MEDIA_TYPE", "Unknown charset " + name + ": send utf-8");
    }

    private static JsonObject fromQueryString(RoutingContext ctx) throws Refusal {
        // queryParam decodes each parameter once (Quarkus's handler decoded them again).
        JsonValue query = stringParameter(ctx, "query");
        JsonValue operationName = stringParameter(ctx, "operationName");
        JsonValue variables = jsonParameter(ctx, "variables");
        JsonValue extensions = jsonParameter(ctx, "extensions");
        JsonObject input = checked(query, operationName, variables, extensions);
        if (isMutation(input.getString("query"),
                input.containsKey("operationName") ? input.getString("operationName") : null)) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            throw new Refusal(405, "METHOD_NOT_ALLOWED", "Send mutations with POST; GET runs queries only");
        }
        return input;
    }

    private static JsonValue stringParameter(RoutingContext ctx, String name) {
        List<String> values = ctx.queryParam(name);
        return values.isEmpty() || values.get(0).isEmpty() ? null : JSON.createValue(values.get(0));
    }

    private static JsonValue jsonParameter(RoutingContext ctx, String name) throws Refusal {
        List<String> values = ctx.queryParam(name);
        if (values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(values.get(0)))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new Refusal(400, "BAD_REQUEST", "Parameter " + name + " is not JSON: " + e.getMessage());
        }
    }

    /** The execution input, when every parameter has the type the specification gives it. */
    private static JsonObject checked(JsonValue query, JsonValue operationName, JsonValue variables,
            JsonValue extensions) throws Refusal {
        if (query == null || query.getValueType() == JsonValue.ValueType.NULL) {
            throw new Refusal(400, "BAD_REQUEST", "The request has no query");
        }
        if (query.getValueType() != JsonValue.ValueType.STRING) {
            throw new Refusal(400, "BAD_REQUEST", "query must be a string");
        }
        JsonObjectBuilder input = JSON.createObjectBuilder().add("query", query);
        if (isPresent(operationName)) {
            if (operationName.getValueType() != JsonValue.ValueType.STRING) {
                throw new Refusal(400, "BAD_REQUEST", "operationName must be a string");
            }
            input.add("operationName", operationName);
        }
        for (var parameter : Map.of("variables", nullToMissing(variables), "extensions", nullToMissing(extensions))
                .entrySet()) {
            JsonValue value = parameter.getValue();
            if (isPresent(value)) {
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new Refusal(400, "BAD_REQUEST", parameter.getKey() + " must be a map (JSON object)");
                }
                input.add(parameter.getKey(), value);
            }
        }
        return input.build();
    }

    private static JsonValue nullToMissing(JsonValue value) {
        return value == null ? JsonValue.NULL : value;
    }

    private static boolean isPresent(JsonValue value) {
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    /**
     * Whether the operation a GET would run is a mutation (or subscription); false when the document does not parse.
     */
    public static boolean isMutation(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException e) {
            // Execution reports the syntax error the usual way.
            return false;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        return operations.stream().filter(
                operation -> operationName == null ? operations.size() == 1 : operationName.equals(operation.getName()))
                .anyMatch(operation -> operation.getOperation() != OperationDefinition.Operation.QUERY);
    }

    // ---------------------------------------------------------------- Response

    private static void refuse(HttpServerResponse response, MediaType type, Refusal refusal) {
        JsonObject error = JSON.createObjectBuilder().add("message", refusal.getMessage())
                .add("extensions", JSON.createObjectBuilder().add("code", refusal.code)).build();
        String body = JSON.createObjectBuilder().add("errors", JSON.createArrayBuilder().add(error)).build().toString();
        response.putHeader(HttpHeaders.CONTENT_TYPE, type.contentType).setStatusCode(refusal.status)
                .end(Buffer.buffer(body, "UTF-8"));
    }

    /** Writes SmallRye's result with the negotiated type and the status the specification gives it. */
    private static final class Writer implements ExecutionResponseWriter {

        private final RoutingContext ctx;
        private final MediaType type;
        private final GraphQLResponseCache cache;
        private final Object key;

        Writer(RoutingContext ctx, MediaType type, GraphQLResponseCache cache, Object key) {
            this.ctx = ctx;
            this.type = type;
            this.cache = cache;
            this.key = key;
        }

        @Override
        public void write(ExecutionResponse executionResponse) {
            ExecutionResult result = executionResponse.getExecutionResult();
            HttpServerResponse response = ctx.response();
            if (aborted(result)) {
                // As Quarkus's handler: an execution aborted by the server (not a client error) is a bare 500.
                response.setStatusCode(500).end();
                return;
            }
            // No data entry: the request failed before execution (syntax, validation, variable coercion).
            int status = type.requestErrorsAre4xx && !result.isDataPresent() ? 400 : 200;
            String body = refusedAsBadInput(result)
                    ? withBadInputCodes(executionResponse.getExecutionResultAsJsonObject())
                    : executionResponse.getExecutionResultAsString();
            if (cache != null && status == 200 && result.isDataPresent() && result.getErrors().isEmpty()) {
                cache.offer(key, ctx, body);
            }
            response.putHeader(HttpHeaders.CONTENT_TYPE, type.contentType).setStatusCode(status)
                    .end(Buffer.buffer(body, "UTF-8"))
                    .onFailure(failure -> LOG.debug("Cannot write the GraphQL response", failure));
        }

        @Override
        public void fail(Throwable failure) {
            ctx.fail(failure);
        }

        /** Whether graphql-java refused the document or its variables (a request error, or data null). */
        private static boolean refusedAsBadInput(ExecutionResult result) {
            if (!result.isDataPresent()) {
                return !result.getErrors().isEmpty();
            }
            return result.getErrors().stream().anyMatch(error -> error.getErrorType() == ErrorType.ValidationError
                    || error.getErrorType() == ErrorType.InvalidSyntax);
        }

        /**
         * A document that does not parse or validate, or a variable of the wrong type, as every other bad input: with
         * {@code extensions.code} BAD_USER_INPUT beside graphql-java's classification. Errors that carry a code keep
         * it; beside data, only the validation's and the parser's errors get one.
         */
        private static String withBadInputCodes(JsonObject response) {
            boolean requestError = !response.containsKey("data");
            JsonArray errors = response.getJsonArray("errors");
            if (errors == null) {
                return response.toString();
            }
            JsonArrayBuilder coded = JSON.createArrayBuilder();
            for (JsonValue value : errors) {
                JsonObject error = value.asJsonObject();
                JsonObject extensions = error.containsKey("extensions") ? error.getJsonObject("extensions")
                        : JsonValue.EMPTY_JSON_OBJECT;
                String classification = extensions.containsKey("classification")
                        && extensions.get("classification").getValueType() == JsonValue.ValueType.STRING
                                ? extensions.getString("classification") : "";
                boolean refused = requestError || classification.equals(ErrorType.ValidationError.name())
                        || classification.equals(ErrorType.InvalidSyntax.name());
                if (refused && !extensions.containsKey("code")) {
                    error = JSON.createObjectBuilder(error)
                            .add("extensions", JSON.createObjectBuilder(extensions).add("code", "BAD_USER_INPUT"))
                            .build();
                }
                coded.add(error);
            }
            return JSON.createObjectBuilder(response).add("errors", coded).build().toString();
        }

        private static boolean aborted(ExecutionResult result) {
            if (!result.isDataPresent()) {
                return false;
            }
            for (GraphQLError error : result.getErrors()) {
                if (error.getErrorType() == ErrorType.ExecutionAborted) {
                    LOG.error("Execution aborted: " + error.getMessage());
                    return true;
                }
            }
            return false;
        }
    }
}
