package dev.supportpulse.survey.model;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one answer an invitation can get. */
@Entity
@Table(name = "responses", schema = "survey")
public class SurveyResponse {

    @Id
    @Column(name = "invitation_id")
    public UUID invitationId;

    public short score;

    /** As the customer typed it: never trusted as markup. */
    public String comment;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    /** rest, graphql or import. */
    public String source;
}
