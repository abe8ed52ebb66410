package dev.supportpulse.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import dev.supportpulse.demo.Organisation.Agent;

/**
 * Calls and live chats in a queue: queued, then answered and ended, or abandoned by a caller who gave up; a few are
 * blocked before they reach the queue. The telephony platform stamps its events in the caller's regional offset.
 */
final class ContactCenter {

    /** Fixed offsets of the regional contact centres (no daylight saving, so the data set never shifts). */
    private static final Map<String, ZoneOffset> OFFSETS = Map.of("EU", ZoneOffset.ofHours(1), "NA",
            ZoneOffset.ofHours(-5), "APAC", ZoneOffset.ofHours(8), "LATAM", ZoneOffset.ofHours(-3));

    private final SplittableRandom random;
    private final Timing timing;
    private final Organisation organisation;
    private final Agenda agenda;
    private int contacts;

    ContactCenter(SplittableRandom random, Organisation organisation, Agenda agenda) {
        this.random = random;
        this.timing = new Timing(random);
        this.organisation = organisation;
        this.agenda = agenda;
    }

    /**
     * A call or chat during which the answering agent opens a ticket (created at {@code ticketCreated}) and keeps it.
     * Such contacts carry the ticket's id.
     *
     * @return the agent who answered
     */
    Agent openingContact(Instant ticketCreated, String ticketId, String channel, String region, String customerId,
            String teamId) {
        String contactId = nextContactId();
        Agent agent = organisation.agentOf(teamId, random);
        Instant answered = ticketCreated.minusSeconds(timing.between(60, 300));
        Instant queued = answered.minusSeconds(waitSeconds(answered));
        queue(contactId, queued, channel, region, ticketId, customerId);
        answer(contactId, answered, agent, channel, region, ticketId, customerId,
                ticketCreated.getEpochSecond() - answered.getEpochSecond());
        return agent;
    }

    /** A call or chat settled on the spot, with no ticket. */
    void contact(Instant at, String region) {
        String contactId = nextContactId();
        String channel = random.nextDouble() < 0.6 ? "phone" : "chat";
        if (random.nextDouble() < 0.03) {
            // Never reached the queue: nobody on shift, or the line dropped.
            agenda.add(new EventDraft("contact.blocked", at).contact(contactId).channel(channel).region(region)
                    .offset(OFFSETS.get(region)).with("reason", Timing.isOfficeHours(at) ? "network" : "no_agents"));
            return;
        }
        queue(contactId, at, channel, region, null, null);
        long wait = waitSeconds(at);
        // Callers give up after their own patience, a few minutes on average; chat users wait longer.
        long patience = (long) (-Math.log(1 - random.nextDouble()) * (channel.equals("phone") ? 240 : 420));
        if (patience < wait) {
            agenda.add(new EventDraft("contact.abandoned", at.plusSeconds(patience)).contact(contactId).channel(channel)
                    .region(region).offset(OFFSETS.get(region)));
            return;
        }
        answer(contactId, at.plusSeconds(wait), organisation.anyAgent(random), channel, region, null, null, 0);
    }

    private void queue(String contactId, Instant at, String channel, String region, String ticketId,
            String customerId) {
        agenda.add(new EventDraft("contact.queued", at).contact(contactId).ticket(ticketId).customer(customerId)
                .channel(channel).region(region).offset(OFFSETS.get(region))
                .with("queue", (channel.equals("phone") ? "voice-" : "chat-") + region.toLowerCase(Locale.ROOT)));
    }

    /** Answer and end of a contact; the talk lasts at least {@code minimumTalk} seconds. */
    private void answer(String contactId, Instant answered, Agent agent, String channel, String region, String ticketId,
            String customerId, long minimumTalk) {
        long talk = minimumTalk + 30
                + (long) (-Math.log(1 - random.nextDouble()) * (channel.equals("phone") ? 300 : 540));
        long hold = random.nextDouble() < 0.3 ? timing.between(10, 240) : 0;
        long wrapUp = timing.between(15, 180);
        agenda.add(new EventDraft("contact.answered", answered).contact(contactId).ticket(ticketId).customer(customerId)
                .by(agent).channel(channel).region(region).offset(OFFSETS.get(region)));
        agenda.add(new EventDraft("contact.ended", answered.plusSeconds(talk + hold)).contact(contactId)
                .ticket(ticketId).customer(customerId).by(agent).channel(channel).region(region)
                .offset(OFFSETS.get(region)).with("talkSeconds", (int) talk).with("holdSeconds", (int) hold)
                .with("wrapUpSeconds", (int) wrapUp));
    }

    /** Seconds in the queue: short most of the time, longer at the busy hours of the working day. */
    private long waitSeconds(Instant at) {
        double mean = Timing.isOfficeHours(at) ? 22 : 10;
        return (long) (-Math.log(1 - random.nextDouble()) * mean);
    }

    private String nextContactId() {
        return String.format("contact-%07d", ++contacts);
    }
}
