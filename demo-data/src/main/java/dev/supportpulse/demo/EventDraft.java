package dev.supportpulse.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.supportpulse.demo.Organisation.Agent;

/** An event being put together; it gets its id when the generator hands it out, in stream order. */
final class EventDraft {

    final String type;
    final Instant at;
    /** Position among drafts scheduled for the same instant, so that ties keep the order they were made in. */
    long order;
    private ZoneOffset offset = ZoneOffset.UTC;
    private String ticketId;
    private String contactId;
    private String agentId;
    private String teamId;
    private String customerId;
    private String channel;
    private String region;
    private Map<String, Object> attributes;
    private Runnable followUp;

    EventDraft(String type, Instant at) {
        this.type = type;
        this.at = at;
    }

    EventDraft ticket(String id) {
        ticketId = id;
        return this;
    }

    EventDraft contact(String id) {
        contactId = id;
        return this;
    }

    /** The acting agent, with the team it belongs to (events.md: agent events carry the agent's team). */
    EventDraft by(Agent agent) {
        agentId = agent.id();
        teamId = agent.teamId();
        return this;
    }

    EventDraft team(String id) {
        teamId = id;
        return this;
    }

    EventDraft customer(String id) {
        customerId = id;
        return this;
    }

    EventDraft channel(String value) {
        channel = value;
        return this;
    }

    EventDraft region(String value) {
        region = value;
        return this;
    }

    /** Stamps the event in a local offset instead of UTC, as a source system in that region would. */
    EventDraft offset(ZoneOffset value) {
        offset = value;
        return this;
    }

    /** Adds an attribute; attributes keep the order they were added in, so the JSON is the same on every run. */
    EventDraft with(String name, Object value) {
        if (attributes == null) {
            attributes = new LinkedHashMap<>();
        }
        attributes.put(name, value);
        return this;
    }

    /** What to schedule once this event has happened (a customer's next purchase, say). */
    EventDraft then(Runnable next) {
        followUp = next;
        return this;
    }

    Runnable followUp() {
        return followUp;
    }

    DemoEvent build(String id) {
        return new DemoEvent(id, type, at.atOffset(offset), ticketId, contactId, agentId, teamId, customerId, channel,
                region, attributes == null ? Map.of() : Collections.unmodifiableMap(attributes));
    }
}
