package dev.supportpulse.survey.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** The address a request came from, as rate limits count it. */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }
}
