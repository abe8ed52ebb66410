package dev.supportpulse.ingest.support;

import static dev.supportpulse.ingest.support.TestEvent.event;

import java.util.LinkedHashMap;
import java.util.Map;

/** One valid example of every event type of events.md, with its required fields and typical attributes. */
public final class ValidEvents {

    private ValidEvents() {
    }

    public static Map<String, TestEvent> oneOfEachType() {
        Map<String, TestEvent> events = new LinkedHashMap<>();
        add(events, event("t-created", "ticket.created").ticket("T1").channel("email").customer("C1").region("EU")
                .team("billing").attr("type", "refund").attr("priority", "high").attr("source", "twitter"));
        add(events, event("t-assigned", "ticket.assigned").ticket("T1").agent("A1").team("billing"));
        add(events, event("t-replied", "ticket.agent_replied").ticket("T1").agent("A1").attr("public", false)
                .attr("text", "internal note"));
        add(events, event("t-customer", "ticket.customer_replied").ticket("T1").attr("text", "any news?"));
        add(events, event("t-resolved", "ticket.resolved").ticket("T1").agent("A1"));
        add(events, event("t-reopened", "ticket.reopened").ticket("T1"));
        add(events, event("t-escalated", "ticket.escalated").ticket("T1").attr("reason", "sla_breach"));
        add(events,
                event("t-updated", "ticket.updated").ticket("T1").attr("priority", "urgent").attr("channel", "chat"));
        add(events, event("t-work", "ticket.work_logged").ticket("T1").agent("A1").attr("seconds", 600));
        add(events, event("c-queued", "contact.queued").contact("K1").channel("phone").attr("queue", "sales"));
        add(events, event("c-answered", "contact.answered").contact("K1").agent("A2"));
        add(events, event("c-abandoned", "contact.abandoned").contact("K2"));
        add(events, event("c-blocked", "contact.blocked").contact("K3").attr("reason", "no_agents"));
        add(events, event("c-ended", "contact.ended").contact("K1").agent("A2").ticket("T1").attr("talkSeconds", 300)
                .attr("holdSeconds", 0).attr("wrapUpSeconds", 45));
        add(events, event("kb-view", "kb.article_viewed").attr("articleId", "KB-7").attr("visitorId", "V1")
                .attr("secondsOnPage", 42).attr("bounced", false));
        add(events, event("kb-vote", "kb.article_voted").attr("articleId", "KB-7").attr("vote", "up"));
        add(events, event("bot", "bot.conversation").attr("conversationId", "B1").attr("visitorId", "V1")
                .attr("outcome", "escalated").ticket("T1"));
        add(events, event("forum-post", "forum.post_created").attr("threadId", "F1").attr("visitorId", "V2")
                .attr("question", true));
        add(events, event("forum-resolved", "forum.thread_resolved").attr("threadId", "F1"));
        add(events, event("ss-session", "selfservice.session").customer("C1").attr("visitorId", "V1").attr("resolved",
                true));
        add(events, event("cust-created", "customer.created").customer("C1").attr("segment", "enterprise")
                .attr("referred", true));
        add(events, event("cust-churned", "customer.churned").customer("C1"));
        add(events, event("cust-revenue", "customer.revenue").customer("C1").attr("amount", 1234.50).attr("currency",
                "EUR"));
        add(events, event("cust-offer", "customer.offer_granted").customer("C1").attr("kind", "discount").attr("amount",
                50));
        add(events, event("social", "social.engagement").channel("social").attr("network", "twitter").attr("kind",
                "positive_mention"));
        add(events, event("qa", "qa.review").ticket("T1").agent("A1").attr("score", 87.5));
        add(events, event("cost", "cost.recorded").attr("category", "assisted").attr("amount", 12000)
                .attr("currency", "EUR").attr("periodStart", "2026-03-01").attr("periodEnd", "2026-03-31"));
        return events;
    }

    private static void add(Map<String, TestEvent> events, TestEvent event) {
        events.put((String) event.toMap().get("type"), event);
    }
}
