package dev.supportpulse.support;

import jakarta.json.JsonObject;

import io.vertx.ext.web.RoutingContext;

/**
 * Answers a service may give again without executing the request: {@link GraphQLOverHttp} asks for a key before it
 * executes, serves the body kept under it if there is one, and otherwise offers the executed answer (200, no errors)
 * for keeping. Called on the request's thread.
 */
public interface GraphQLResponseCache {

    /**
     * The key of this request's answer as of now, or null when it must be executed and not kept (a mutation, a state
     * that cannot be named cheaply right now).
     *
     * @param request
     *            the checked execution input: query, operationName, variables, extensions
     * @param contentType
     *            the negotiated response type
     */
    Object key(RoutingContext ctx, JsonObject request, String contentType);

    /** The body kept under the key for this request, or null. */
    String get(Object key, RoutingContext ctx);

    /** An executed answer without errors; kept if the execution left nothing that rules it out. */
    void offer(Object key, RoutingContext ctx, String body);
}
