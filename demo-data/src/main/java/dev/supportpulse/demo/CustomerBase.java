package dev.supportpulse.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The customers: a CRM import at the start of the span, sign-ups through it, their purchases, offers and churn, and who
 * of them writes in. Only a few bytes per customer are kept, never their events.
 */
final class CustomerBase {

    /** One customer, as a ticket or self-service event refers to it. */
    record Customer(String id, String region, String segment) {
    }

    /** Share of all customers who already exist and arrive with the CRM import when the span starts. */
    private static final double IMPORTED = 0.25;
    private static final Duration IMPORT_DURATION = Duration.ofMinutes(10);
    private static final Weighted<String> OFFER_KINDS = Weighted.of("discount", 60, "offer", 25, "gift", 15);
    private static final String[] REGIONS = { "EU", "NA", "APAC", "LATAM" };
    private static final String[] SEGMENTS = { "consumer", "smb", "enterprise" };

    private final SplittableRandom random;
    private final Agenda agenda;
    private final Instant start;
    private final long spanSeconds;
    private final int count;
    private final int imported;
    private byte[] regions = new byte[1024];
    private byte[] segments = new byte[1024];
    /** Seconds from the span's start to the customer's churn; {@link Integer#MAX_VALUE} for customers who stay. */
    private int[] churnedAfter = new int[1024];
    private int created;
    private Instant nextSignup;

    CustomerBase(DemoSettings settings, int count, SplittableRandom random, Agenda agenda) {
        this.random = random;
        this.agenda = agenda;
        this.start = settings.start();
        this.spanSeconds = settings.end().getEpochSecond() - start.getEpochSecond();
        this.count = count;
        this.imported = Math.max(1, (int) (count * IMPORTED));
        this.nextSignup = signupTime(0);
    }

    /** When the next customer signs up, or null when all have. */
    Instant nextSignup() {
        return nextSignup;
    }

    /** Signs the next customer up: its creation now, its first purchase, and maybe an offer and its churn later. */
    void signUpNext() {
        int index = created++;
        Instant signup = nextSignup;
        nextSignup = created < count ? signupTime(created) : null;
        if (index == regions.length) {
            regions = Arrays.copyOf(regions, index * 2);
            segments = Arrays.copyOf(segments, index * 2);
            churnedAfter = Arrays.copyOf(churnedAfter, index * 2);
        }
        String region = Organisation.REGIONS.pick(random);
        String segment = Organisation.SEGMENTS.pick(random);
        regions[index] = (byte) Arrays.asList(REGIONS).indexOf(region);
        segments[index] = (byte) Arrays.asList(SEGMENTS).indexOf(segment);
        Customer customer = new Customer(customerId(index), region, segment);
        agenda.add(new EventDraft("customer.created", signup).customer(customer.id()).region(region)
                .with("segment", segment).with("referred", random.nextDouble() < 0.2));

        Instant churn = random.nextDouble() < 0.12 ? signup.plus(Duration.ofDays(20 + random.nextInt(310))) : null;
        churnedAfter[index] = churn == null ? Integer.MAX_VALUE
                : (int) Math.min(Integer.MAX_VALUE - 1, churn.getEpochSecond() - start.getEpochSecond());
        if (churn != null) {
            agenda.add(new EventDraft("customer.churned", churn).customer(customer.id()).region(region));
        }
        // Imported customers are paying already: their next renewal falls somewhere in the coming two months.
        Instant firstPurchase = index < imported ? signup.plus(Duration.ofHours(random.nextInt(60 * 24)))
                : signup.plus(Duration.ofMinutes(5 + random.nextInt(3 * 24 * 60)));
        purchase(customer, firstPurchase, churn);
        if (random.nextDouble() < 0.04) {
            agenda.add(new EventDraft("customer.offer_granted", signup.plus(Duration.ofDays(random.nextInt(90))))
                    .customer(customer.id()).region(region).with("kind", OFFER_KINDS.pick(random))
                    .with("amount", money(5 + random.nextInt(46))).with("currency", "EUR"));
        }
    }

    /** A customer who exists and has not churned at {@code at}, to open a ticket or read an article. */
    Customer activeAt(Instant at) {
        long since = at.getEpochSecond() - start.getEpochSecond();
        int index = created - 1;
        for (int attempt = 0; attempt < 5; attempt++) {
            int candidate = random.nextInt(created);
            if (churnedAfter[candidate] > since) {
                index = candidate;
                break;
            }
        }
        return new Customer(customerId(index), REGIONS[regions[index]], SEGMENTS[segments[index]]);
    }

    /** A goodwill gesture after a complaint (a refund ticket, say). */
    void grantGoodwill(Customer customer, Instant at) {
        agenda.add(new EventDraft("customer.offer_granted", at).customer(customer.id()).region(customer.region())
                .with("kind", random.nextBoolean() ? "gift" : "discount").with("amount", money(10 + random.nextInt(41)))
                .with("currency", "EUR"));
    }

    /** One purchase; the next one is scheduled when this one has happened, so only one per customer waits. */
    private void purchase(Customer customer, Instant at, Instant churn) {
        if (churn != null && !at.isBefore(churn)) {
            return;
        }
        double amount = switch (customer.segment()) {
        case "enterprise" -> 1500 + random.nextDouble() * 7500;
        case "smb" -> 150 + random.nextDouble() * 750;
        default -> 15 + random.nextDouble() * 105;
        };
        Duration untilNext = Duration.ofDays(switch (customer.segment()) {
        case "enterprise" -> 90 + random.nextInt(91);
        case "smb" -> 45 + random.nextInt(76);
        default -> 60 + random.nextInt(181);
        });
        agenda.add(new EventDraft("customer.revenue", at).customer(customer.id()).region(customer.region())
                .with("amount", money(amount)).with("currency", "EUR")
                .then(() -> purchase(customer, at.plus(untilNext), churn)));
    }

    /** Customer {@code index}: the import first, then sign-ups spread through the span. */
    private Instant signupTime(int index) {
        long importSeconds = Math.min(IMPORT_DURATION.getSeconds(), spanSeconds / 2);
        if (index < imported) {
            return start.plusSeconds(importSeconds * index / imported);
        }
        double position = (index - imported + random.nextDouble()) / (count - imported);
        return start.plusSeconds(importSeconds + (long) (position * (spanSeconds - importSeconds)));
    }

    private static String customerId(int index) {
        return String.format("customer-%06d", index + 1);
    }

    static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
