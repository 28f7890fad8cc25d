package org.parley.transparency;

import java.util.Map;

/**
 * A transparency report as CSV, one figure per row: {@code section,item,value}, for spreadsheets and for the
 * machine-readable form Art. 15 asks for. Values are numbers or empty (a median over nothing); names are codes
 * without commas, so no field needs quoting.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static String of(TransparencyReport report) {
        StringBuilder csv = new StringBuilder("section,item,value\n");
        row(csv, "report", "site", report.site());
        row(csv, "report", "from", report.from());
        row(csv, "report", "to", report.to());
        row(csv, "report", "generated_at", report.generatedAt());
        TransparencyReport.Notices notices = report.notices();
        row(csv, "notices", "received", notices.received());
        rows(csv, "notices_by_category", notices.byCategory());
        rows(csv, "notices_by_status", notices.byStatus());
        row(csv, "notices", "median_hours_to_action", notices.medianHoursToAction());
        TransparencyReport.Actions actions = report.actions();
        row(csv, "actions", "total", actions.total());
        rows(csv, "actions_by_type", actions.byType());
        rows(csv, "actions_by_ground", actions.byGround());
        rows(csv, "actions_by_category", actions.byCategory());
        row(csv, "actions", "automated_detection", actions.automatedDetection());
        row(csv, "actions", "automated_decision", actions.automatedDecision());
        row(csv, "actions", "human_decision", actions.humanDecision());
        row(csv, "actions", "automated_share", actions.automatedShare());
        row(csv, "actions", "median_hours_to_human_decision", actions.medianHoursToHumanDecision());
        TransparencyReport.Appeals appeals = report.appeals();
        row(csv, "appeals", "received", appeals.received());
        row(csv, "appeals", "open", appeals.open());
        row(csv, "appeals", "upheld", appeals.upheld());
        row(csv, "appeals", "dismissed", appeals.dismissed());
        row(csv, "appeals", "median_hours_to_decision", appeals.medianHoursToDecision());
        TransparencyReport.Overturns overturns = report.automatedOverturns();
        row(csv, "automated_overturns", "decisions", overturns.decisions());
        row(csv, "automated_overturns", "overturned", overturns.overturned());
        row(csv, "automated_overturns", "rate", overturns.rate());
        row(csv, "account_restrictions", "suspensions", report.accountRestrictions().suspensions());
        row(csv, "account_restrictions", "bans", report.accountRestrictions().bans());
        return csv.toString();
    }

    private static void rows(StringBuilder csv, String section, Map<String, Long> counts) {
        counts.forEach((item, count) -> row(csv, section, item, count));
    }

    private static void row(StringBuilder csv, String section, String item, Object value) {
        csv.append(section).append(',').append(item).append(',').append(value == null ? "" : value).append('\n');
    }
}
