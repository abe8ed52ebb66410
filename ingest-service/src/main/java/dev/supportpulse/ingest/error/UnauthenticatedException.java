package dev.supportpulse.ingest.error;

import dev.supportpulse.support.ProblemException;

/** No valid API key and no valid signature; deliberately says no more than that. */
public class UnauthenticatedException extends ProblemException {

    public UnauthenticatedException() {
        super(401, "unauthenticated", "Unauthenticated",
                "Send a valid API key as 'Authorization: Bearer <key>' or sign the body in 'X-Signature: sha256=<hex>'.");
    }
}
