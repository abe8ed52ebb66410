package dev.supportpulse.metrics.model;

import static dev.supportpulse.metrics.model.Dimension.ALL;
import static dev.supportpulse.metrics.model.Dimension.AUDIENCE;
import static dev.supportpulse.metrics.model.Dimension.CONTACT;
import static dev.supportpulse.metrics.model.Dimension.PLACE;
import static dev.supportpulse.metrics.model.Dimension.QUEUE;
import static dev.supportpulse.metrics.model.Measure.atPeriodEnd;
import static dev.supportpulse.metrics.model.Measure.contacts;
import static dev.supportpulse.metrics.model.Measure.count;
import static dev.supportpulse.metrics.model.Measure.distinctTickets;
import static dev.supportpulse.metrics.model.Measure.duration;
import static dev.supportpulse.metrics.model.Measure.durationSince;
import static dev.supportpulse.metrics.model.Measure.eventDuration;
import static dev.supportpulse.metrics.model.Measure.mean;
import static dev.supportpulse.metrics.model.Measure.percent;
import static dev.supportpulse.metrics.model.Measure.requests;
import static dev.supportpulse.metrics.model.Measure.sla;
import static dev.supportpulse.metrics.model.SatisfactionMeasures.NET_PROMOTER;
import static dev.supportpulse.metrics.model.SatisfactionMeasures.SURVEY_DIMENSIONS;
import static dev.supportpulse.metrics.model.SatisfactionMeasures.qualityScore;
import static dev.supportpulse.metrics.model.SatisfactionMeasures.responseMean;
import static dev.supportpulse.metrics.model.SatisfactionMeasures.responseRate;
import static dev.supportpulse.metrics.model.SatisfactionMeasures.responseShare;
import static dev.supportpulse.metrics.model.SelfServiceMeasures.BOT_CONVERSATION;
import static dev.supportpulse.metrics.model.SelfServiceMeasures.KB_VIEW;
import static dev.supportpulse.metrics.model.Unit.COUNT;
import static dev.supportpulse.metrics.model.Unit.CURRENCY;
import static dev.supportpulse.metrics.model.Unit.PERCENT;
import static dev.supportpulse.metrics.model.Unit.RATIO;
import static dev.supportpulse.metrics.model.Unit.SCORE;
import static dev.supportpulse.metrics.model.Unit.SECONDS;

import java.util.Set;

/**
 * The metric catalog of metrics.md: every metric with its unit, direction, dimensions and formula, and for those this
 * version computes, how it is measured. Adding a metric is one entry here.
 */
public enum Metric {
    // ---------------------------------------------------------------- Volume and workload
    TICKETS_CREATED("Tickets created", COUNT, null, ALL,
            "Tickets created in the period. Anchor: creation. Agent: assignee.",
            count("created_at", "assignee", "true")),
    TICKETS_RESOLVED("Tickets resolved", COUNT, true, ALL,
            "Tickets whose latest ticket.resolved falls in the period and that are resolved now. Anchor: resolution. "
                    + "Agent: resolver (agentId of the latest resolution, else the assignee at that moment).",
            count("resolved_at", "resolver", "resolved_at IS NOT NULL")),
    TICKETS_UNRESOLVED("Tickets unresolved", COUNT, false, ALL,
            "Tickets created in the period and not resolved at the period's end. Anchor: creation. Agent: assignee.",
            atPeriodEnd(Measure.Kind.UNRESOLVED_AT_END, "true")),
    OPEN_TICKETS("Open tickets", COUNT, null, ALL,
            "Snapshot: tickets created before the period's end and not resolved at that instant. Agent: assignee.",
            atPeriodEnd(Measure.Kind.OPEN_AT_END, "true")),
    BACKLOG("Backlog", COUNT, false, ALL,
            "Snapshot: open tickets at the period's end waiting more than 24 h for a public agent reply to their "
                    + "newest customer message (or creation). Agent: assignee.",
            atPeriodEnd(Measure.Kind.OPEN_AT_END, Measure.BACKLOGGED)),
    RESOLUTION_RATE("Resolution rate", PERCENT, true, ALL,
            "(created − unresolved at period end) / created. Anchor: creation. Agent: assignee.",
            atPeriodEnd(Measure.Kind.RESOLVED_AT_END, "true")),
    TICKETS_REOPENED("Tickets reopened", COUNT, false, ALL,
            "Distinct tickets with at least one ticket.reopened in the period. Agent: resolver.",
            distinctTickets("metrics.ticket_reopens", "e.reopened_at", "t.latest_resolver")),
    REOPEN_RATE("Reopen rate", PERCENT, false, ALL,
            "Resolved tickets (as TICKETS_RESOLVED) with any reopen / resolved tickets. Anchor: resolution. "
                    + "Agent: resolver.",
            percent("resolved_at", "resolver", "resolved_at IS NOT NULL", "reopens > 0")),
    TICKETS_REASSIGNED("Tickets reassigned", COUNT, false, ALL,
            "Distinct tickets assigned in the period to an agent other than the previous assignee. Agent: assignee.",
            distinctTickets("metrics.ticket_reassignments", "e.reassigned_at", "t.assignee")),
    ESCALATION_RATE("Escalation rate", PERCENT, false, ALL,
            "Tickets created in the period that were ever escalated / tickets created. Anchor: creation. "
                    + "Agent: assignee.",
            percent("created_at", "assignee", "true", "escalated")),
    AGENT_REPLIES_PER_TICKET("Agent replies per ticket", RATIO, false, ALL,
            "Mean number of public agent replies on resolved tickets. Anchor: resolution. Agent: resolver.",
            mean("resolved_at", "resolver", "resolved_at IS NOT NULL", "public_replies")),
    CUSTOMER_REPLIES_PER_TICKET("Customer replies per ticket", RATIO, false, ALL,
            "Mean number of ticket.customer_replied on resolved tickets. Anchor: resolution. Agent: resolver.",
            mean("resolved_at", "resolver", "resolved_at IS NOT NULL", "customer_replies")),
    REQUEST_VOLUME("Request volume", COUNT, null, ALL,
            "Tickets created + contacts queued or blocked that carry no ticketId. Anchor: creation / queued.",
            requests()),

    // ---------------------------------------------------------------- Speed
    FIRST_RESPONSE_TIME("First response time", SECONDS, false, ALL,
            "Created → first public agent reply, in seconds (never negative); tickets without a reply are not in "
                    + "it. Anchor: the reply. Agent: that reply's agent.",
            durationSince("first_response_time_seconds", "first_reply_at", "first_reply_agent")),
    REPLY_TIME("Reply time", SECONDS, false, ALL,
            "For the creation and every customer message, the time to the next public agent reply (from the first "
                    + "of several unanswered messages). Anchor: the reply. Agent: that reply's agent.",
            eventDuration("metrics.ticket_replies", "e.replied_at", "e.reply_agent", "e.wait_seconds")),
    RESOLUTION_TIME("Resolution time", SECONDS, false, ALL,
            "Created → latest ticket.resolved, for tickets resolved now. Anchor: resolution. Agent: resolver.",
            durationSince("resolution_time_seconds", "resolved_at", "resolver")),
    FIRST_ASSIGNMENT_TIME("First assignment time", SECONDS, false, ALL,
            "Created → first ticket.assigned. Anchor: first assignment. Agent: first assignee.",
            durationSince("first_assignment_time_seconds", "first_assigned_at", "first_assignee")),
    TIME_SPENT("Time spent", SECONDS, false, ALL,
            "Sum of ticket.work_logged seconds per resolved ticket (0 when none); mean over resolved tickets. "
                    + "Anchor: resolution. Agent: resolver.",
            duration("resolved_at", "resolver", "resolved_at IS NOT NULL", "work_seconds")),
    AVERAGE_SPEED_OF_ANSWER("Average speed of answer", SECONDS, false, CONTACT,
            "Contact queued → answered. Anchor: answered. Agent: answering agent.",
            contacts("t.answered_at", "t.answering_agent", "t.queued_at IS NOT NULL AND t.answered_at IS NOT NULL",
                    Measure.Kind.DURATION, "greatest(0, date_part('epoch', t.answered_at - t.queued_at))")),
    HANDLE_TIME("Handle time", SECONDS, false, CONTACT,
            "Talk + hold + wrap-up of an ended contact. Anchor: ended. Agent: ending agent.",
            contacts("t.ended_at", "t.ending_agent", "t.ended_at IS NOT NULL", Measure.Kind.DURATION,
                    "t.handle_seconds")),

    // ---------------------------------------------------------------- Quality and service level
    FIRST_CONTACT_RESOLUTION("First contact resolution", PERCENT, true, ALL,
            "Resolved tickets with exactly one public agent reply and no reopen / resolved tickets. "
                    + "Anchor: resolution. Agent: resolver.",
            percent("resolved_at", "resolver", "resolved_at IS NOT NULL", "public_replies = 1 AND reopens = 0")),
    SLA_FIRST_RESPONSE_RATE("SLA first response rate", PERCENT, true, ALL,
            "Achieved / (achieved + breached): achieved when the first public agent reply comes by the due time "
                    + "(created + the target of the ticket's priority). Anchor: min(first reply, due). Agent: assignee.",
            sla("first_response_seconds", "t.first_reply_at", "t.assignee")),
    SLA_RESOLUTION_RATE("SLA resolution rate", PERCENT, true, ALL,
            "The same with the resolution target and the latest resolution. Anchor: min(resolution, due). "
                    + "Agent: resolver, else assignee.",
            sla("resolution_seconds", "t.resolved_at",
                    "CASE WHEN t.resolved_at IS NOT NULL THEN t.resolver ELSE t.assignee END")),
    SERVICE_LEVEL("Service level", PERCENT, true, CONTACT,
            "Contacts answered within the threshold (default 20 s) / (answered + abandoned). Anchor: queued.",
            contacts("t.queued_at", "t.answering_agent",
                    "t.queued_at IS NOT NULL AND (t.answered_at IS NOT NULL OR t.abandoned_at IS NOT NULL)",
                    Measure.Kind.PERCENT,
                    "t.answered_at IS NOT NULL AND t.answered_at - t.queued_at <= make_interval(secs => :service_level_seconds)")),
    ABANDONMENT_RATE("Abandonment rate", PERCENT, false, QUEUE,
            "Abandoned / queued contacts (still waiting ones included). Anchor: queued.",
            contacts("t.queued_at", "NULL::text", "t.queued_at IS NOT NULL", Measure.Kind.PERCENT,
                    "t.abandoned_at IS NOT NULL")),
    BLOCKAGE("Blockage", COUNT, false, QUEUE, "Blocked contacts. Anchor: blocked.",
            contacts("t.blocked_at", "NULL::text", "t.blocked_at IS NOT NULL", Measure.Kind.COUNT, null)),

    // ---------------------------------------------------------------- Satisfaction
    CSAT("Customer satisfaction", PERCENT, true, ALL,
            "CSAT responses with score ≥ 4 (scale 1..5) / CSAT responses. Anchor: submitted. Dimensions: the "
                    + SURVEY_DIMENSIONS,
            responseShare("CSAT", "t.score >= 4")),
    CSAT_SCORE("CSAT score", SCORE, true, ALL,
            "Mean CSAT score (1..5). Anchor: submitted. Dimensions: the " + SURVEY_DIMENSIONS,
            responseMean("CSAT", "t.score")),
    NPS("Net promoter score", SCORE, true, ALL,
            "100 × (promoters 9..10 − detractors 0..6) / NPS responses (scale 0..10), −100..100; null without "
                    + "responses. Anchor: submitted. Dimensions: the " + SURVEY_DIMENSIONS,
            responseMean("NPS", NET_PROMOTER)),
    CES("Customer effort score", SCORE, true, ALL,
            "Mean CES score (1..7, 7 = very easy). Anchor: submitted. Dimensions: the " + SURVEY_DIMENSIONS,
            responseMean("CES", "t.score")),
    SURVEY_RESPONSE_RATE("Survey response rate", PERCENT, true, ALL,
            "Invitations answered / invitations sent, of every survey kind. Anchor: invitation sent; an invitation "
                    + "counts as answered if it has a response now, also one submitted after the period. "
                    + "Dimensions: the " + SURVEY_DIMENSIONS,
            responseRate()),
    INTERNAL_QUALITY_SCORE("Internal quality score", SCORE, true, ALL,
            "Mean qa.review score (0..100). Anchor: review. Dimensions: the review's own agent, team, channel and "
                    + "region, else its ticket's current values (agent: assignee); type and priority of its ticket.",
            qualityScore()),

    // ---------------------------------------------------------------- Self-service
    KB_ARTICLE_VIEWS("Knowledge-base article views", COUNT, true, AUDIENCE, "Article views. Anchor: view.",
            SelfServiceMeasures.count(KB_VIEW)),
    KB_BOUNCE_RATE("Knowledge-base bounce rate", PERCENT, false, AUDIENCE,
            "Bounced views / views; a view without bounced counts as not bounced. Anchor: view.",
            SelfServiceMeasures.share(KB_VIEW, "true", "coalesce(t.bounced, false)")),
    KB_TIME_ON_PAGE("Knowledge-base time on page", SECONDS, true, AUDIENCE,
            "Seconds on page per view (mean, median, p90); views without secondsOnPage are not in it. Anchor: view.",
            SelfServiceMeasures.duration(KB_VIEW, "t.seconds_on_page")),
    KB_HELPFULNESS("Knowledge-base helpfulness", PERCENT, true, AUDIENCE, "Up votes / all votes. Anchor: vote.",
            SelfServiceMeasures.share("kb.article_voted", "t.vote IN ('up', 'down')", "t.vote = 'up'")),
    KB_DEFLECTION_RATIO("Knowledge-base deflection ratio", RATIO, true, AUDIENCE,
            "Article views / tickets created, each in the period of its own event and, grouped by a dimension, in the "
                    + "group of its own channel, region or customer segment. Anchor: view / creation.",
            SelfServiceMeasures.deflection()),
    BOT_CONVERSATIONS("Bot conversations", COUNT, null, AUDIENCE, "Bot conversations. Anchor: conversation.",
            SelfServiceMeasures.count(BOT_CONVERSATION)),
    BOT_SUCCESS_RATE("Bot success rate", PERCENT, true, AUDIENCE,
            "Conversations with outcome resolved / all conversations. Anchor: conversation.",
            SelfServiceMeasures.share(BOT_CONVERSATION, "true", "t.outcome = 'resolved'")),
    FORUM_POSTS("Forum posts", COUNT, null, AUDIENCE, "Forum posts. Anchor: post.",
            SelfServiceMeasures.count("forum.post_created")),
    FORUM_SUCCESS_RATE("Forum success rate", PERCENT, true, AUDIENCE,
            "Question threads started in the period that were resolved / question threads started; a thread "
                    + "starts at its first post with question and is resolved if it has any forum.thread_resolved, "
                    + "also after the period. Anchor: thread start.",
            SelfServiceMeasures.forumSuccess()),
    SELF_SERVICE_SUCCESS_RATE("Self-service success rate", PERCENT, true, AUDIENCE,
            "selfservice.session with resolved / all sessions; a session without resolved counts as not resolved. "
                    + "Anchor: session.",
            SelfServiceMeasures.share(SelfServiceMeasures.SESSION, "true", "coalesce(t.resolved, false)")),
    SELF_SERVICE_SCORE("Self-service score", RATIO, true, AUDIENCE,
            "Distinct self-service users (customerId, else visitorId, of any knowledge-base, bot, forum or session "
                    + "event) / distinct customers of the tickets created; both distinct per period, and over the "
                    + "whole range for the total (4.0 reads \"4 : 1\"). Anchor: activity / creation.",
            SelfServiceMeasures.score()),
    SELF_SERVICE_SHARE("Self-service share", PERCENT, true, AUDIENCE,
            "Self-service resolutions (selfservice.session with resolved + bot conversations with outcome resolved + "
                    + "forum threads resolved, at their first forum.thread_resolved) / (those + tickets resolved, as "
                    + "TICKETS_RESOLVED). Anchor: resolution.",
            SelfServiceMeasures.share()),
    COST_PER_TICKET("Cost per ticket", CURRENCY, false, PLACE,
            "Assisted cost prorated to the period by days / tickets resolved (as TICKETS_RESOLVED); each cost.recorded "
                    + "is spread evenly over periodStart .. periodEnd (inclusive), days cut in the query's time zone, "
                    + "a partly covered day by its fraction. Anchor: period.",
            new Measure("metrics.tickets t", "t.resolved_at", "NULL::text",
                    "t.created_at IS NOT NULL AND t.resolved_at IS NOT NULL", Measure.Kind.COST, "assisted")),
    COST_PER_SELF_SERVICE_SESSION("Cost per self-service session", CURRENCY, false, PLACE,
            "Self-service cost prorated / (sessions + bot conversations); costs spread as for COST_PER_TICKET. "
                    + "Anchor: period.",
            new Measure("metrics.self_service_events t", "t.occurred_at", "NULL::text",
                    "t.type IN ('selfservice.session', 'bot.conversation')", Measure.Kind.COST, "self_service")),

    // ---------------------------------------------------------------- Customers and social
    CUSTOMER_CHURN_RATE("Customer churn rate", PERCENT, false, AUDIENCE,
            "Customers churned in the period / customers active at its start; active at an instant: created before it "
                    + "and not churned before it (a customer's first customer.churned). Customers are sliced by the "
                    + "channel, region and segment of their latest customer.created. Anchor: period.",
            CustomerMeasures.customerBase(Measure.Kind.CHURN)),
    CUSTOMER_RETENTION_RATE("Customer retention rate", PERCENT, true, AUDIENCE,
            "(Active at end − created in period) / active at start; active at an instant: created before it and not "
                    + "churned before it. Anchor: period.",
            CustomerMeasures.customerBase(Measure.Kind.RETENTION)),
    REFERRAL_RATE("Referral rate", PERCENT, true, AUDIENCE,
            "New customers with referred / new customers; a customer created twice counts once, at its latest "
                    + "creation and with its attributes. Anchor: created.",
            CustomerMeasures.referral()),
    CUSTOMER_LIFETIME_VALUE("Customer lifetime value", CURRENCY, true, AUDIENCE,
            "Total revenue to the period's end / customers created before it, churned ones included; revenue counts "
                    + "for customers created before the period's end, amounts summed as given (one reporting "
                    + "currency). Anchor: period end.",
            CustomerMeasures.customerBase(Measure.Kind.LIFETIME_VALUE)),
    OFFERS_GRANTED("Offers granted", COUNT, null, AUDIENCE,
            "Discounts, offers and gifts granted (customer.offer_granted). Anchor: granted.",
            CustomerMeasures.count("customer.offer_granted", "'discount', 'offer', 'gift'")),
    SOCIAL_ENGAGEMENT("Social engagement", COUNT, true, AUDIENCE,
            "Likes, shares and positive mentions (social.engagement; negative mentions not). Anchor: engagement.",
            CustomerMeasures.count("social.engagement", "'like', 'share', 'positive_mention'"));

    private final String title;
    private final Unit unit;
    private final Boolean higherIsBetter;
    private final Set<Dimension> dimensions;
    private final String formula;
    private final Measure measure;

    Metric(String title, Unit unit, Boolean higherIsBetter, Set<Dimension> dimensions, String formula,
            Measure measure) {
        this.title = title;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.dimensions = dimensions;
        this.formula = formula;
        this.measure = measure;
    }

    public String title() {
        return title;
    }

    public Unit unit() {
        return unit;
    }

    /** Whether a higher value is better; null where neither is (volumes). */
    public Boolean higherIsBetter() {
        return higherIsBetter;
    }

    public Set<Dimension> dimensions() {
        return dimensions;
    }

    public String formula() {
        return formula;
    }

    /** How the metric is measured. */
    public Measure measure() {
        return measure;
    }
}
