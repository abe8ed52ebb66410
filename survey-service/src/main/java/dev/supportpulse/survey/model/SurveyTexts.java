package dev.supportpulse.survey.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The question and the scale's end labels of each survey, in the languages the widget speaks: English, Swedish, German,
 * Norwegian (bokmål) and Croatian. English is the fallback.
 */
public final class SurveyTexts {

    /** What a customer reads: the question and what the lowest and highest scores mean. */
    public record Text(String question, String lowLabel, String highLabel) {
    }

    public static final String FALLBACK = "en";

    private static final Map<String, Map<SurveyKind, Text>> TEXTS = Map.of("en", Map.of(SurveyKind.CSAT,
            new Text("How satisfied are you with the support you received?", "Very dissatisfied", "Very satisfied"),
            SurveyKind.CES,
            new Text("The company made it easy for me to handle my issue.", "Strongly disagree", "Strongly agree"),
            SurveyKind.NPS,
            new Text("How likely are you to recommend us to a friend or colleague?", "Not at all likely",
                    "Extremely likely")),
            "sv",
            Map.of(SurveyKind.CSAT,
                    new Text("Hur nöjd är du med den support du fick?", "Mycket missnöjd", "Mycket nöjd"),
                    SurveyKind.CES,
                    new Text("Företaget gjorde det enkelt för mig att lösa mitt ärende.", "Instämmer inte alls",
                            "Instämmer helt"),
                    SurveyKind.NPS,
                    new Text("Hur troligt är det att du skulle rekommendera oss till en vän eller kollega?",
                            "Inte alls troligt", "Mycket troligt")),
            "de",
            Map.of(SurveyKind.CSAT,
                    new Text("Wie zufrieden sind Sie mit der Unterstützung, die Sie erhalten haben?",
                            "Sehr unzufrieden", "Sehr zufrieden"),
                    SurveyKind.CES,
                    new Text("Das Unternehmen hat es mir leicht gemacht, mein Anliegen zu erledigen.",
                            "Stimme überhaupt nicht zu", "Stimme voll und ganz zu"),
                    SurveyKind.NPS,
                    new Text("Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?",
                            "Äußerst unwahrscheinlich", "Äußerst wahrscheinlich")),
            "nb",
            Map.of(SurveyKind.CSAT,
                    new Text("Hvor fornøyd er du med hjelpen du fikk?", "Svært misfornøyd", "Svært fornøyd"),
                    SurveyKind.CES,
                    new Text("Selskapet gjorde det enkelt for meg å løse saken min.", "Helt uenig", "Helt enig"),
                    SurveyKind.NPS,
                    new Text("Hvor sannsynlig er det at du vil anbefale oss til en venn eller kollega?",
                            "Svært lite sannsynlig", "Svært sannsynlig")),
            "hr",
            Map.of(SurveyKind.CSAT,
                    new Text("Koliko ste zadovoljni podrškom koju ste dobili?", "Vrlo nezadovoljni", "Vrlo zadovoljni"),
                    SurveyKind.CES,
                    new Text("Tvrtka mi je olakšala rješavanje mog problema.", "Uopće se ne slažem",
                            "Potpuno se slažem"),
                    SurveyKind.NPS, new Text("Koliko je vjerojatno da biste nas preporučili prijatelju ili kolegi?",
                            "Nimalo vjerojatno", "Iznimno vjerojatno")));

    private SurveyTexts() {
    }

    /**
     * The first of the candidates (language tags such as {@code sv-SE}, or Accept-Language entries) that we have texts
     * for, as its language code; Norwegian in any form is bokmål. Else English.
     */
    public static String language(List<String> candidates) {
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank()) {
                continue;
            }
            String language = Locale.forLanguageTag(candidate.trim().replace('_', '-')).getLanguage();
            if (language.equals("no") || language.equals("nn")) {
                language = "nb";
            }
            if (TEXTS.containsKey(language)) {
                return language;
            }
        }
        return FALLBACK;
    }

    public static Text of(SurveyKind kind, String language) {
        return TEXTS.getOrDefault(language, TEXTS.get(FALLBACK)).get(kind);
    }
}
