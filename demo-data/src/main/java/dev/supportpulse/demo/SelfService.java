package dev.supportpulse.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import dev.supportpulse.demo.CustomerBase.Customer;

/**
 * What people do on the help site before, or instead of, writing in: reading and voting on articles, talking to the
 * bot, asking the forum, and answering the "did you find what you needed?" survey. Visitors are anonymous unless they
 * are logged in as a customer.
 */
final class SelfService {

    private static final int ARTICLES = 150;

    private final SplittableRandom random;
    private final CustomerBase customers;
    private final Agenda agenda;
    private final int visitors;
    private int conversations;
    private int threads;

    SelfService(SplittableRandom random, CustomerBase customers, Agenda agenda, int tickets) {
        this.random = random;
        this.customers = customers;
        this.agenda = agenda;
        this.visitors = Math.max(200, tickets / 2);
    }

    /** Self-service activity in the hour around a ticket's creation, at rates per ticket. */
    void around(Instant at) {
        int views = (random.nextDouble() < 0.2 ? 1 : 0) + (random.nextDouble() < 0.05 ? 1 : 0);
        for (int i = 0; i < views; i++) {
            articleView(at.minusSeconds(random.nextInt(3600)));
        }
        if (random.nextDouble() < 0.025) {
            String outcome = random.nextDouble() < 0.6 ? "resolved" : "abandoned";
            botConversation(at.minusSeconds(random.nextInt(3600)), outcome, null, null);
        }
        if (random.nextDouble() < 0.025) {
            forumThread(at.plusSeconds(random.nextInt(3600)));
        }
        if (random.nextDouble() < 0.05) {
            Instant when = at.plusSeconds(random.nextInt(3600));
            Customer customer = random.nextDouble() < 0.4 ? customers.activeAt(when) : null;
            agenda.add(web(new EventDraft("selfservice.session", when), customer).with("visitorId", visitor())
                    .with("resolved", random.nextDouble() < 0.55));
        }
    }

    /** The bot conversation that ended in a ticket: the visitor asked for a human. */
    void escalatedToTicket(Instant ticketCreated, String ticketId, Customer customer) {
        botConversation(ticketCreated.minusSeconds(60 + random.nextInt(600)), "escalated", ticketId, customer);
    }

    private void articleView(Instant at) {
        // Popular first: a few articles get most views, as in every knowledge base.
        double draw = random.nextDouble();
        String article = String.format("kb-%03d", 1 + (int) (ARTICLES * draw * draw * draw));
        String visitor = visitor();
        Customer customer = random.nextDouble() < 0.35 ? customers.activeAt(at) : null;
        boolean bounced = random.nextDouble() < 0.35;
        int seconds = bounced ? random.nextInt(10) : 20 + random.nextInt(400);
        agenda.add(web(new EventDraft("kb.article_viewed", at), customer).with("articleId", article)
                .with("visitorId", visitor).with("secondsOnPage", seconds).with("bounced", bounced));
        if (!bounced && random.nextDouble() < 0.15) {
            agenda.add(web(new EventDraft("kb.article_voted", at.plusSeconds(seconds)), customer)
                    .with("articleId", article).with("vote", random.nextDouble() < 0.72 ? "up" : "down")
                    .with("visitorId", visitor));
        }
    }

    private void botConversation(Instant at, String outcome, String ticketId, Customer customer) {
        Customer visitor = customer != null ? customer : random.nextDouble() < 0.3 ? customers.activeAt(at) : null;
        agenda.add(web(new EventDraft("bot.conversation", at), visitor).ticket(ticketId)
                .with("conversationId", String.format("bot-%07d", ++conversations)).with("visitorId", visitor())
                .with("outcome", outcome));
    }

    private void forumThread(Instant at) {
        String threadId = String.format("thread-%06d", ++threads);
        boolean question = random.nextDouble() < 0.7;
        agenda.add(web(new EventDraft("forum.post_created", at), null).with("threadId", threadId)
                .with("visitorId", visitor()).with("question", question));
        Instant reply = at;
        for (int i = random.nextInt(3); i > 0; i--) {
            reply = reply.plus(Duration.ofMinutes(20 + random.nextInt(12 * 60)));
            agenda.add(web(new EventDraft("forum.post_created", reply), null).with("threadId", threadId)
                    .with("visitorId", visitor()).with("question", false));
        }
        if (question && random.nextDouble() < 0.55) {
            agenda.add(new EventDraft("forum.thread_resolved", reply.plus(Duration.ofHours(1 + random.nextInt(96))))
                    .channel("web").with("threadId", threadId));
        }
    }

    /** The help site's envelope: channel web, and the customer and region when the visitor is logged in. */
    private static EventDraft web(EventDraft draft, Customer customer) {
        draft.channel("web");
        return customer == null ? draft : draft.customer(customer.id()).region(customer.region());
    }

    private String visitor() {
        return String.format("visitor-%06d", 1 + random.nextInt(visitors));
    }
}
