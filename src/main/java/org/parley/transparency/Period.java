package org.parley.transparency;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.parley.problem.Problem;

/**
 * The days a transparency report covers, in UTC: {@code from} and {@code to} are both included. Without dates it is
 * the 182 days up to today, about the half year Art. 24 counts in.
 */
public record Period(LocalDate from, LocalDate to) {

    /** The longest period one report covers: a few years, so that a typo cannot ask for centuries. */
    private static final int MAX_DAYS = 5 * 366;

    public Period {
        if (to.isBefore(from)) {
            throw Problem.invalid("to", "The period ends (" + to + ") before it starts (" + from + ").");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw Problem.invalid("from", "A report covers at most " + MAX_DAYS + " days.");
        }
    }

    /** The period from two optional ISO dates (YYYY-MM-DD); a missing end is today, a missing start 181 days before. */
    public static Period of(String from, String to, Clock clock) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(181) : date("from", from);
        return new Period(start, end);
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "Give " + field + " as a date, YYYY-MM-DD (got \"" + text + "\").");
        }
    }
}
