package dev.supportpulse.demo;

import static dev.supportpulse.demo.DemoDataGenerator.attrs;
import static dev.supportpulse.demo.DemoDataGenerator.money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import dev.supportpulse.demo.DemoDataGenerator.Draft;

/**
 * Everything around the tickets: calls and chats in queues, knowledge-base, bot, forum and self-service activity,
 * customers and their revenue, social engagement and monthly costs. Rates are per ticket, so the mix keeps its shape at
 * any size.
 */
final class Activities {

    private static final Weighted<String> SOCIAL_KINDS = Weighted.of("like", 50, "share", 20, "positive_mention", 20,
            "negative_mention", 10);
    private static final Weighted<String> OFFER_KINDS = Weighted.of("discount", 60, "offer", 25, "gift", 15);
    private static final Weighted<String> BOT_OUTCOMES = Weighted.of("resolved", 45, "escalated", 30, "abandoned", 25);

    private final SplittableRandom random;
    private final DemoDataGenerator generator;
    private int contacts;
    private int conversations;
    private int threads;

    Activities(SplittableRandom random, DemoDataGenerator generator) {
        this.random = random;
        this.generator = generator;
    }

    /** What happens in the hour around a ticket's creation. */
    void around(Instant at, String ticketId, String customer) {
        if (random.nextDouble() < 0.3) {
            contact(at, random.nextDouble() < 0.3 ? ticketId : null);
        }
        int views = random.nextDouble() < 0.4 ? 1 : 0;
        for (int i = 0; i < views; i++) {
            articleView(at.minusSeconds(random.nextInt(3600)), customer);
        }
        if (random.nextDouble() < 0.08) {
            botConversation(at.minusSeconds(random.nextInt(1800)), ticketId, customer);
        }
        if (random.nextDouble() < 0.05) {
            forumThread(at.plusSeconds(random.nextInt(3600)));
        }
        if (random.nextDouble() < 0.1) {
            String visitor = visitor();
            generator.emit(new Draft("selfservice.session", at.plusSeconds(random.nextInt(3600))).channel("web")
                    .customer(random.nextDouble() < 0.4 ? customer : null)
                    .attributes(attrs("visitorId", visitor, "resolved", random.nextDouble() < 0.55)));
        }
        if (random.nextDouble() < 0.05) {
            generator.emit(new Draft("social.engagement", at.plusSeconds(random.nextInt(7200))).channel("social")
                    .region(Organisation.REGIONS.pick(random)).attributes(attrs("network",
                            random.nextBoolean() ? "twitter" : "facebook", "kind", SOCIAL_KINDS.pick(random))));
        }
    }

    /** A customer signs up; some buy more later, some get an offer, some leave. */
    void customer(String customerId, Instant signup) {
        Instant end = generator.settings().end();
        generator.emit(new Draft("customer.created", signup).customer(customerId)
                .region(Organisation.REGIONS.pick(random)).attributes(
                        attrs("segment", Organisation.SEGMENTS.pick(random), "referred", random.nextDouble() < 0.2)));
        Instant purchase = signup;
        int purchases = 1 + random.nextInt(2);
        for (int i = 0; i < purchases && purchase.isBefore(end); i++) {
            generator.emit(new Draft("customer.revenue", purchase).customer(customerId)
                    .attributes(attrs("amount", money(20 + random.nextDouble() * 480), "currency", "EUR")));
            purchase = purchase.plusSeconds(86_400L * (30 + random.nextInt(120)));
        }
        if (random.nextDouble() < 0.05) {
            generator.emit(new Draft("customer.offer_granted", signup.plusSeconds(86_400L * random.nextInt(90)))
                    .customer(customerId)
                    .attributes(attrs("kind", OFFER_KINDS.pick(random), "amount", money(5 + random.nextInt(50)))));
        }
        if (random.nextDouble() < 0.12) {
            generator.emit(new Draft("customer.churned", signup.plusSeconds(86_400L * (20 + random.nextInt(300))))
                    .customer(customerId));
        }
    }

    /** Assisted and self-service costs of one month, scaled to the size of the data set. */
    void monthlyCosts(LocalDate month, int tickets) {
        double ticketsPerMonth = tickets / 12.0;
        Instant booked = month.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        generator.emit(cost(booked, month, "assisted", ticketsPerMonth * 18));
        generator.emit(cost(booked, month, "self_service", ticketsPerMonth * 1.5));
    }

    private Draft cost(Instant booked, LocalDate month, String category, double amount) {
        return new Draft("cost.recorded", booked)
                .attributes(attrs("category", category, "amount", money(amount), "currency", "EUR", "periodStart",
                        month.toString(), "periodEnd", month.plusMonths(1).minusDays(1).toString()));
    }

    private void contact(Instant at, String ticketId) {
        String contactId = String.format("K-%07d", ++contacts);
        String channel = random.nextDouble() < 0.6 ? "phone" : "chat";
        String region = Organisation.REGIONS.pick(random);
        if (random.nextDouble() < 0.01) {
            generator.emit(new Draft("contact.blocked", at).contact(contactId).channel(channel).region(region)
                    .attributes(attrs("reason", random.nextBoolean() ? "no_agents" : "network")));
            return;
        }
        generator.emit(new Draft("contact.queued", at).contact(contactId).ticket(ticketId).channel(channel)
                .region(region).attributes(attrs("queue", random.nextBoolean() ? "general" : "priority")));
        Instant answered = at.plusSeconds((long) (-Math.log(1 - random.nextDouble()) * 35));
        if (random.nextDouble() < 0.08) {
            generator.emit(new Draft("contact.abandoned", answered).contact(contactId).ticket(ticketId));
            return;
        }
        int team = random.nextInt(Organisation.TEAMS.length);
        String agent = Organisation.agentOf(team, random);
        String teamId = Organisation.TEAMS[team];
        generator.emit(
                new Draft("contact.answered", answered).contact(contactId).ticket(ticketId).agent(agent).team(teamId));
        int talk = 60 + random.nextInt(900);
        int hold = random.nextDouble() < 0.3 ? random.nextInt(180) : 0;
        int wrapUp = 15 + random.nextInt(120);
        generator.emit(new Draft("contact.ended", answered.plusSeconds(talk + hold)).contact(contactId).ticket(ticketId)
                .agent(agent).team(teamId)
                .attributes(attrs("talkSeconds", talk, "holdSeconds", hold, "wrapUpSeconds", wrapUp)));
    }

    private void articleView(Instant at, String customer) {
        String article = Organisation.article(random);
        String visitor = visitor();
        boolean bounced = random.nextDouble() < 0.35;
        generator.emit(new Draft("kb.article_viewed", at).channel("web").region(Organisation.REGIONS.pick(random))
                .customer(random.nextDouble() < 0.3 ? customer : null)
                .attributes(attrs("articleId", article, "visitorId", visitor, "secondsOnPage",
                        bounced ? random.nextInt(10) : 20 + random.nextInt(400), "bounced", bounced)));
        if (random.nextDouble() < 0.12) {
            generator
                    .emit(new Draft("kb.article_voted", at.plusSeconds(30)).channel("web").attributes(attrs("articleId",
                            article, "vote", random.nextDouble() < 0.7 ? "up" : "down", "visitorId", visitor)));
        }
    }

    private void botConversation(Instant at, String ticketId, String customer) {
        String outcome = BOT_OUTCOMES.pick(random);
        generator.emit(new Draft("bot.conversation", at).channel("chat")
                .customer(random.nextDouble() < 0.5 ? customer : null)
                .ticket(outcome.equals("escalated") ? ticketId : null).attributes(attrs("conversationId",
                        String.format("bot-%07d", ++conversations), "visitorId", visitor(), "outcome", outcome)));
    }

    private void forumThread(Instant at) {
        String threadId = String.format("thread-%06d", ++threads);
        boolean question = random.nextDouble() < 0.6;
        generator.emit(new Draft("forum.post_created", at).channel("web")
                .attributes(attrs("threadId", threadId, "visitorId", visitor(), "question", question)));
        int answers = random.nextInt(3);
        for (int i = 1; i <= answers; i++) {
            generator.emit(new Draft("forum.post_created", at.plusSeconds(3600L * i * (1 + random.nextInt(12))))
                    .channel("web").attributes(attrs("threadId", threadId, "visitorId", visitor(), "question", false)));
        }
        if (question && random.nextDouble() < 0.5) {
            generator.emit(new Draft("forum.thread_resolved", at.plusSeconds(86_400L * (1 + random.nextInt(5))))
                    .attributes(attrs("threadId", threadId)));
        }
    }

    private String visitor() {
        return String.format("visitor-%06d", 1 + random.nextInt(Math.max(100, generator.settings().tickets())));
    }
}
