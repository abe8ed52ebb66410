package dev.supportpulse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The surveys of the demo data set bin/demo loads (5,000 tickets, seed 42), checked against its own events. */
class DemoSurveyGeneratorTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final DemoSettings DEMO = DemoSettings.of(42, 5000);
    private static final Map<String, int[]> SCALES = Map.of("CSAT", new int[] { 1, 5 }, "CES", new int[] { 1, 7 },
            "NPS", new int[] { 0, 10 });

    private static List<DemoSurvey> surveys;
    /** Each ticket's creation and first resolution, and the channel, region, customer it was created with. */
    private static Map<String, DemoEvent> creations;
    private static Map<String, DemoEvent> firstResolutions;

    @BeforeAll
    static void generateTheDemoSurveys() {
        surveys = DemoSurveyGenerator.stream(DEMO).toList();
        creations = new HashMap<>();
        firstResolutions = new HashMap<>();
        DemoDataGenerator.stream(DEMO).forEach(event -> {
            if (event.type().equals("ticket.created")) {
                creations.put(event.ticketId(), event);
            } else if (event.type().equals("ticket.resolved")) {
                firstResolutions.putIfAbsent(event.ticketId(), event);
            }
        });
    }

    @Test
    void theSameSeedGivesTheSameSurveysByteForByte() {
        List<String> first = json(DemoSettings.of(7, 3000));
        List<String> second = json(DemoSettings.of(7, 3000));
        assertTrue(first.size() > 1000, "surveys: " + first.size());
        assertEquals(first, second);
        assertNotEquals(first, json(DemoSettings.of(8, 3000)));
    }

    @Test
    void everyScoreLiesOnItsKindsScaleAndEachScaleIsUsedFromBottomToTop() {
        Map<String, Set<Integer>> used = new HashMap<>();
        for (DemoSurvey survey : surveys) {
            if (survey.answered()) {
                int[] scale = SCALES.get(survey.kind());
                assertTrue(survey.score() >= scale[0] && survey.score() <= scale[1], survey.toString());
                used.computeIfAbsent(survey.kind(), kind -> new TreeSet<>()).add(survey.score());
            } else {
                assertNull(survey.score(), survey.toString());
                assertNull(survey.comment(), survey.toString());
            }
        }
        // A few detractors too: the lowest scores occur, not only the happy end of the scale.
        assertEquals(Set.of(1, 2, 3, 4, 5), used.get("CSAT"));
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7), used.get("CES"));
        assertTrue(used.get("NPS").containsAll(Set.of(2, 3, 4, 5, 6, 7, 8, 9, 10)), used.get("NPS").toString());
    }

    @Test
    void anInvitationGoesOutShortlyAfterTheFirstResolutionAndIsAnsweredBeforeTheEnd() {
        for (DemoSurvey survey : surveys) {
            Instant resolved = firstResolutions.get(survey.ticketId()).occurredAt().toInstant();
            Duration delay = Duration.between(resolved, survey.sentAt());
            assertTrue(delay.toSeconds() >= 60 && delay.toDays() < 3, survey + " sent " + delay + " after");
            assertTrue(survey.sentAt().isBefore(DEMO.end()), survey.toString());
            if (survey.answered()) {
                assertFalse(survey.submittedAt().isBefore(survey.sentAt()), survey.toString());
                assertTrue(survey.submittedAt().isBefore(DEMO.end()), survey.toString());
            }
        }
    }

    @Test
    void surveysJudgeTheTicketsChannelRegionCustomerAndAnAgentOfIt() {
        for (DemoSurvey survey : surveys) {
            DemoEvent creation = creations.get(survey.ticketId());
            assertEquals(creation.channel(), survey.channel(), survey.toString());
            assertEquals(creation.region(), survey.region(), survey.toString());
            assertEquals(creation.customerId(), survey.customerId(), survey.toString());
            assertNotNull(survey.agentId(), survey.toString());
            assertNotNull(survey.teamId(), survey.toString());
        }
        DemoSurvey resolvedByAgent = surveys.stream()
                .filter(survey -> firstResolutions.get(survey.ticketId()).agentId() != null).findFirst().orElseThrow();
        assertEquals(firstResolutions.get(resolvedByAgent.ticketId()).agentId(), resolvedByAgent.agentId());
        assertEquals(Set.of("en", "de", "sv", "nb", "hr"),
                surveys.stream().map(DemoSurvey::locale).collect(Collectors.toSet()));
    }

    @Test
    void sharesOfResolvedTicketsAndOfAnswersAreAsDesigned() {
        double resolved = firstResolutions.keySet().stream().filter(ticket -> firstResolutions.get(ticket).occurredAt()
                .toInstant().isBefore(DEMO.end().minus(Duration.ofDays(1)))).count();
        // 40 % CSAT, 15 % CES, 10 % NPS of resolved tickets, independently.
        assertEquals(0.40, count(survey -> survey.kind().equals("CSAT")) / resolved, 0.03);
        assertEquals(0.15, count(survey -> survey.kind().equals("CES")) / resolved, 0.02);
        assertEquals(0.10, count(survey -> survey.kind().equals("NPS")) / resolved, 0.02);
        double answered = count(DemoSurvey::answered) / (double) surveys.size();
        assertTrue(answered > 1 / 3.0 && answered < 0.5, "answered: " + answered);
        double csatAnswered = count(survey -> survey.answered() && survey.kind().equals("CSAT"))
                / (double) count(survey -> survey.kind().equals("CSAT"));
        assertEquals(0.45, csatAnswered, 0.04);
    }

    @Test
    void scoresArePlausibleAndBetterForQuickResolutions() {
        List<DemoSurvey> csat = surveys.stream().filter(survey -> survey.answered() && survey.kind().equals("CSAT"))
                .toList();
        double satisfied = csat.stream().filter(survey -> survey.score() >= 4).count() / (double) csat.size();
        assertTrue(satisfied > 0.7 && satisfied < 0.9, "CSAT " + satisfied);
        List<DemoSurvey> nps = surveys.stream().filter(survey -> survey.answered() && survey.kind().equals("NPS"))
                .toList();
        double net = (nps.stream().filter(survey -> survey.score() >= 9).count()
                - nps.stream().filter(survey -> survey.score() <= 6).count()) * 100.0 / nps.size();
        assertTrue(net > 0 && net < 60, "NPS " + net);
        double quick = meanScore(csat, hours -> hours < 8);
        double slow = meanScore(csat, hours -> hours > 72);
        // Quick: about 4.5; slow (more than three days): about 3.6.
        assertTrue(quick > slow + 0.5, "quick " + quick + ", slow " + slow);
    }

    @Test
    void nothingIsSentOrAnsweredAfterAnEarlierCutOff() {
        Instant cutOff = Instant.parse("2026-06-01T00:00:00Z");
        List<DemoSurvey> cut = DemoSurveyGenerator.stream(DEMO, cutOff).toList();
        assertTrue(cut.stream().allMatch(survey -> survey.sentAt().isBefore(cutOff)));
        assertTrue(cut.stream().filter(DemoSurvey::answered).allMatch(survey -> survey.submittedAt().isBefore(cutOff)));
        assertTrue(cut.size() > surveys.size() / 2 && cut.size() < surveys.size(), "surveys " + cut.size());
        // Answered in the full data set, but after the cut-off: still open at it.
        assertTrue(
                cut.stream().anyMatch(
                        survey -> !survey.answered() && survey.sentAt().isAfter(cutOff.minus(Duration.ofDays(1)))),
                "open invitations just before the cut-off");
    }

    @Test
    void answeredSurveysAreImportItemsAndOpenOnesInvitationsThatExpireAfterThirtyDays() throws Exception {
        DemoSurvey answered = surveys.stream().filter(survey -> survey.answered() && survey.comment() != null)
                .findFirst().orElseThrow();
        StringBuilder json = new StringBuilder();
        answered.appendResponseJson(json);
        JsonNode item = JACKSON.readTree(json.toString());
        assertEquals(Set.of("kind", "ticketId", "customerId", "agentId", "teamId", "channel", "region", "locale",
                "sentAt", "submittedAt", "score", "comment"), fieldNames(item));
        assertEquals(answered.score().intValue(), item.get("score").intValue());
        assertTrue(item.get("submittedAt").textValue().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));

        DemoSurvey open = surveys.stream().filter(survey -> !survey.answered()).findFirst().orElseThrow();
        json.setLength(0);
        open.appendInvitationJson(json);
        item = JACKSON.readTree(json.toString());
        assertEquals(Set.of("kind", "ticketId", "customerId", "agentId", "teamId", "channel", "region", "locale",
                "sentAt", "expiresAt"), fieldNames(item));
        assertEquals(Instant.parse(item.get("sentAt").textValue()).plus(Duration.ofDays(30)),
                Instant.parse(item.get("expiresAt").textValue()));
    }

    private static List<String> json(DemoSettings settings) {
        return DemoSurveyGenerator.stream(settings).map(survey -> {
            StringBuilder out = new StringBuilder();
            if (survey.answered()) {
                survey.appendResponseJson(out);
            } else {
                survey.appendInvitationJson(out);
            }
            return out.toString();
        }).toList();
    }

    private static long count(Predicate<DemoSurvey> which) {
        return surveys.stream().filter(which).count();
    }

    private static double meanScore(List<DemoSurvey> answered, Predicate<Double> hoursToResolution) {
        return answered.stream()
                .filter(survey -> hoursToResolution.test(Duration.between(creations.get(survey.ticketId()).occurredAt(),
                        firstResolutions.get(survey.ticketId()).occurredAt()).toMinutes() / 60.0))
                .mapToInt(DemoSurvey::score).average().orElseThrow();
    }

    private static Set<String> fieldNames(JsonNode item) {
        Set<String> names = new TreeSet<>();
        item.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
