package dev.supportpulse.survey.model;

/** The three surveys of surveys.md and the score scale each is answered on. */
public enum SurveyKind {

    CSAT(1, 5), CES(1, 7), NPS(0, 10);

    private final int minScore;
    private final int maxScore;

    SurveyKind(int minScore, int maxScore) {
        this.minScore = minScore;
        this.maxScore = maxScore;
    }

    public int minScore() {
        return minScore;
    }

    public int maxScore() {
        return maxScore;
    }

    public boolean accepts(long score) {
        return score >= minScore && score <= maxScore;
    }

    /** The kind named exactly (upper case, as in the contract), or null. */
    public static SurveyKind named(String name) {
        for (SurveyKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
