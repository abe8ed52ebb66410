package dev.supportpulse.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

import dev.supportpulse.demo.CustomerBase.Customer;
import dev.supportpulse.demo.Organisation.Agent;

/**
 * One ticket from creation to its last resolution, as the helpdesk records it: routing and hand-overs, the
 * conversation, work logged, escalations, resolution, reopens and a QA review. Most tickets follow the usual path; a
 * few take every detour the metrics must cope with (never answered, left open, reopened and not resolved again, a reply
 * stamped before the ticket by a source clock running behind).
 */
final class TicketLifecycle {

    /** How fast a priority is handled (means of exponential waits) and its first-response target (metrics.md SLA). */
    private record Pace(Duration firstAssignment, Duration firstReply, Duration reply, Duration resolution,
            Duration firstResponseTarget) {
    }

    private static final Map<String, Pace> PACES = Map.of("urgent",
            new Pace(minutes(5), minutes(20), minutes(30), minutes(45), Duration.ofHours(1)), "high",
            new Pace(minutes(15), minutes(90), Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(4)), "normal",
            new Pace(minutes(45), Duration.ofHours(4), Duration.ofHours(5), Duration.ofHours(8), Duration.ofHours(8)),
            "low", new Pace(Duration.ofHours(3), Duration.ofHours(14), Duration.ofHours(12), Duration.ofHours(24),
                    Duration.ofHours(24)));

    /** What customers write; some with quotes, line breaks, tabs, backslashes and non-ASCII, as real messages have. */
    private static final String[] CUSTOMER_MESSAGES = { "Thanks, but it still does not work.",
            "Any news? We are \"blocked\" since yesterday.", "Merci, mais ça ne marche toujours pas.",
            "Here is the error:\n\tPaymentDeclined (code 51)", "Still broken 😕",
            "The export is at C:\\exports\\q3.csv", "Can you call me back tomorrow morning?" };

    private final SplittableRandom random;
    private final Timing timing;
    private final Organisation organisation;
    private final CustomerBase customers;
    private final ContactCenter contacts;
    private final SelfService selfService;
    private final TicketArrivals arrivals;
    private final Agenda agenda;

    TicketLifecycle(SplittableRandom random, Organisation organisation, CustomerBase customers, ContactCenter contacts,
            SelfService selfService, TicketArrivals arrivals, Agenda agenda) {
        this.random = random;
        this.timing = new Timing(random);
        this.organisation = organisation;
        this.customers = customers;
        this.contacts = contacts;
        this.selfService = selfService;
        this.arrivals = arrivals;
        this.agenda = agenda;
    }

    /** Schedules every event of one ticket, created at {@code created}. */
    void create(String ticketId, Instant created) {
        Customer customer = customers.activeAt(created);
        boolean incident = arrivals.duringIncident(created);
        String type = incident && random.nextDouble() < 0.6 ? "bug" : Organisation.TYPES.pick(random);
        String priority = incident && type.equals("bug") && random.nextBoolean() ? "high"
                : Organisation.PRIORITIES.pick(random);
        String channel = Organisation.CHANNELS.pick(random);
        String region = random.nextDouble() < 0.9 ? customer.region() : Organisation.REGIONS.pick(random);
        String teamId = organisation.teamFor(type, customer.segment(), random);
        EventDraft creation = new EventDraft("ticket.created", created).ticket(ticketId).channel(channel).region(region)
                .team(teamId).customer(customer.id()).with("type", type).with("priority", priority);
        if (channel.equals("social")) {
            creation.with("source", random.nextDouble() < 0.6 ? "twitter" : "facebook");
        }
        agenda.add(creation);
        new Ticket(ticketId, created, type, priority, teamId).run(channel, region, customer);
    }

    /** The state of the ticket whose lifecycle is being written: who has it and how urgent it is now. */
    private final class Ticket {
        private final String id;
        private final Instant created;
        private final String type;
        private String priority;
        private String teamId;
        private Agent agent;

        Ticket(String id, Instant created, String type, String priority, String teamId) {
            this.id = id;
            this.created = created;
            this.type = type;
            this.priority = priority;
            this.teamId = teamId;
        }

        void run(String channel, String region, Customer customer) {
            boolean fromCall = (channel.equals("phone") || channel.equals("chat")) && random.nextDouble() < 0.3;
            Instant at;
            if (fromCall) {
                agent = contacts.openingContact(created, id, channel, region, customer.id(), teamId);
                at = created.plusSeconds(timing.between(5, 60));
            } else {
                if ((channel.equals("web") || channel.equals("chat")) && random.nextDouble() < 0.08) {
                    selfService.escalatedToTicket(created, id, customer);
                }
                agent = organisation.agentOf(teamId, random);
                at = act(created.plus(timing.around(pace().firstAssignment())));
            }
            assign(at);
            at = reroute(at);
            if (random.nextDouble() < 0.02) {
                return; // never answered: it waits in the backlog
            }
            at = fromCall ? created.plusSeconds(timing.between(60, 600)) : whenAgentActs(at, pace().firstReply());
            if (random.nextDouble() < 0.002 && !created.minusSeconds(60).isBefore(arrivals.start())) {
                // A source clock running behind: the reply is stamped before the ticket (metrics count it as 0 s).
                at = created.minusSeconds(timing.between(1, 30));
            }
            agentReply(at, true);
            escalate(at);
            at = converse(at);
            if (at == null) {
                return; // the customer's last message is still waiting for an answer
            }
            logWork(at);
            resolveAndMaybeReopen(at, customer);
        }

        /** A hand-over to a colleague, or a transfer to the right team; now and then a change of priority or type. */
        private Instant reroute(Instant at) {
            double draw = random.nextDouble();
            if (draw < 0.08) {
                at = act(at.plus(timing.hours(2)));
                agent = organisation.colleagueOf(agent, random);
                assign(at);
            } else if (draw < 0.11) {
                at = act(at.plus(timing.hours(1)));
                teamId = organisation.otherTeam(teamId, random);
                agenda.add(new EventDraft("ticket.updated", at).ticket(id).with("teamId", teamId));
                agent = organisation.agentOf(teamId, random);
                assign(at.plusSeconds(1));
            }
            if (random.nextDouble() < 0.06) {
                at = act(at.plus(timing.minutes(30)));
                EventDraft update = new EventDraft("ticket.updated", at).ticket(id);
                if (random.nextDouble() < 0.6) {
                    String changed = Organisation.PRIORITIES.pick(random);
                    priority = changed.equals(priority) ? "high" : changed;
                    update.with("priority", priority);
                } else {
                    String changed = Organisation.TYPES.pick(random);
                    update.with("type", changed.equals(type) ? "question" : changed);
                }
                agenda.add(update);
            }
            return at;
        }

        /**
         * Rounds of customer message and agent answer after the first reply; about a quarter are settled by that reply.
         */
        private Instant converse(Instant at) {
            double draw = random.nextDouble();
            int rounds = draw < 0.28 ? 0 : draw < 0.9 ? 1 : draw < 0.98 ? 2 : 3;
            for (int round = 0; round < rounds; round++) {
                if (random.nextDouble() < 0.06) {
                    agentReply(at.plus(timing.minutes(15)), false);
                }
                Instant message = at.plus(timing.hours(10));
                customerReply(message);
                if (random.nextDouble() < 0.08) {
                    customerReply(message.plus(timing.hours(4)));
                }
                if (random.nextDouble() < 0.03) {
                    return null;
                }
                at = whenAgentActs(message, pace().reply());
                agentReply(at, true);
            }
            return at;
        }

        private void escalate(Instant firstReply) {
            Instant due = created.plus(pace().firstResponseTarget());
            if (firstReply.isAfter(due) && random.nextDouble() < 0.15) {
                agenda.add(new EventDraft("ticket.escalated", due).ticket(id).with("reason", "sla_breach"));
            } else if (random.nextDouble() < 0.02) {
                agenda.add(new EventDraft("ticket.escalated", act(firstReply.plus(timing.hours(2)))).ticket(id)
                        .by(agent).with("reason", "manual"));
            }
        }

        private void logWork(Instant at) {
            double draw = random.nextDouble();
            int logs = draw < 0.45 ? 1 : draw < 0.49 ? 2 : 0;
            for (int i = 0; i < logs; i++) {
                long seconds = 60 + (long) (-Math.log(1 - random.nextDouble()) * 900 * agent.pace());
                agenda.add(new EventDraft("ticket.work_logged", at.plusSeconds(timing.between(30, 600))).ticket(id)
                        .by(agent).with("seconds", (int) seconds));
            }
        }

        private void resolveAndMaybeReopen(Instant at, Customer customer) {
            double draw = random.nextDouble();
            if (draw < 0.05) {
                return; // left open, waiting for the customer
            }
            // Some tickets close themselves after three days without an answer from the customer.
            boolean autoClosed = draw < 0.18;
            Instant resolved = autoClosed ? at.plus(Duration.ofHours(72)) : whenAgentActs(at, pace().resolution());
            resolve(resolved, !autoClosed && random.nextDouble() < 0.75);
            if (type.equals("refund") && random.nextDouble() < 0.15) {
                customers.grantGoodwill(customer, resolved.plus(timing.minutes(10)));
            }
            if (random.nextDouble() < 0.06) {
                Instant reopened = resolved.plus(timing.hours(36));
                agenda.add(new EventDraft("ticket.reopened", reopened).ticket(id));
                customerReply(reopened);
                Instant answered = whenAgentActs(reopened, pace().reply());
                agentReply(answered, true);
                if (random.nextDouble() < 0.15) {
                    return; // reopened and not resolved again
                }
                resolved = whenAgentActs(answered, pace().resolution());
                resolve(resolved, random.nextDouble() < 0.75);
            }
            if (random.nextDouble() < 0.05) {
                Instant reviewed = timing.nextWorkingMoment(resolved.plus(Duration.ofDays(1 + random.nextInt(10))));
                int score = (int) Math.round(agent.quality() + random.nextGaussian() * 9);
                agenda.add(new EventDraft("qa.review", reviewed).ticket(id).by(agent).with("score",
                        Math.max(0, Math.min(100, score))));
            }
        }

        /**
         * When the assignee acts on something from {@code after}: after a wait at its own pace, in its working hours.
         */
        private Instant whenAgentActs(Instant after, Duration mean) {
            return act(after.plus(timing.around(Duration.ofSeconds((long) (mean.getSeconds() * agent.pace())))));
        }

        private Instant act(Instant at) {
            boolean onCall = priority.equals("urgent") || Organisation.roundTheClock(teamId);
            return onCall ? at : timing.nextWorkingMoment(at);
        }

        private void assign(Instant at) {
            agenda.add(new EventDraft("ticket.assigned", at).ticket(id).by(agent));
        }

        private void agentReply(Instant at, boolean isPublic) {
            EventDraft reply = new EventDraft("ticket.agent_replied", at).ticket(id).by(agent).with("public", isPublic);
            agenda.add(isPublic ? reply : reply.with("text", "Internal note: checked the logs, see the run book."));
        }

        private void customerReply(Instant at) {
            agenda.add(new EventDraft("ticket.customer_replied", at).ticket(id).with("text",
                    CUSTOMER_MESSAGES[random.nextInt(CUSTOMER_MESSAGES.length)]));
        }

        private void resolve(Instant at, boolean byAgent) {
            EventDraft resolution = new EventDraft("ticket.resolved", at).ticket(id);
            agenda.add(byAgent ? resolution.by(agent) : resolution);
        }

        private Pace pace() {
            return PACES.get(priority);
        }
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
