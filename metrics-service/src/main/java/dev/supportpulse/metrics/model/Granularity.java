package dev.supportpulse.metrics.model;

/** The length of a series' periods, cut in the query's time zone; weeks start on Monday. */
public enum Granularity {
    HOUR("hour"), DAY("day"), WEEK("week"), MONTH("month"), QUARTER("quarter"), YEAR("year");

    private final String sqlField;

    Granularity(String sqlField) {
        this.sqlField = sqlField;
    }

    /** The field name PostgreSQL's {@code date_trunc} takes for this period. */
    public String sqlField() {
        return sqlField;
    }
}
