package dev.supportpulse.benchmark;

import dev.supportpulse.demo.DemoEvent;
import dev.supportpulse.demo.Json;

/**
 * Demo events as rows of PostgreSQL's COPY text format for {@code ingest.events}, the same values the service stores.
 */
final class CopyRows {

    /** The columns a COPY fills; seq, received_at and txid take their defaults, as they do for the service. */
    static final String COLUMNS = "event_id, type, occurred_at, ticket_id, contact_id, agent_id, team_id, "
            + "customer_id, channel, region, attributes";

    private CopyRows() {
    }

    /** Appends one row: tab-separated, {@code \N} for null, ending in a newline. */
    static void append(StringBuilder out, DemoEvent event) {
        field(out, event.id()).append('\t');
        field(out, event.type()).append('\t');
        field(out, event.occurredAtText()).append('\t');
        field(out, event.ticketId()).append('\t');
        field(out, event.contactId()).append('\t');
        field(out, event.agentId()).append('\t');
        field(out, event.teamId()).append('\t');
        field(out, event.customerId()).append('\t');
        field(out, event.channel()).append('\t');
        field(out, event.region()).append('\t');
        StringBuilder attributes = new StringBuilder(128);
        Json.writeObject(attributes, event.attributes());
        field(out, attributes.toString()).append('\n');
    }

    /** A value with COPY's text-format escapes: backslash, tab, newline and carriage return would end the field. */
    static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
            case '\\' -> out.append("\\\\");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            default -> out.append(c);
            }
        }
        return out;
    }
}
