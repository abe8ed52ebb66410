package dev.supportpulse.metrics.model;

/** What knowledge-base articles are ranked by, each as the metric of the same meaning computes it per article. */
public enum ArticleRanking {
    /** Views (KB_ARTICLE_VIEWS). */
    VIEWS("views"),
    /** Up votes / all votes (KB_HELPFULNESS). */
    HELPFULNESS("helpfulness"),
    /** Bounced views / views (KB_BOUNCE_RATE). */
    BOUNCE_RATE("bounce_rate"),
    /** Mean seconds on page (KB_TIME_ON_PAGE). */
    TIME_ON_PAGE("mean_seconds_on_page");

    private final String column;

    ArticleRanking(String column) {
        this.column = column;
    }

    /** The column of the article statement that holds it. */
    public String column() {
        return column;
    }
}
