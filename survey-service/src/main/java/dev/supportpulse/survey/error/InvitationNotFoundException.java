package dev.supportpulse.survey.error;

import dev.supportpulse.support.ProblemException;

/** No invitation with the requested id. */
public class InvitationNotFoundException extends ProblemException {

    public InvitationNotFoundException(String id) {
        super(404, "invitation-not-found", "Invitation not found", "No invitation has the id '" + id + "'.");
    }
}
