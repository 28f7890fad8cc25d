package org.parley.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import org.parley.account.Account;
import org.parley.problem.Problem;
import org.parley.site.ModeratorAccess;
import org.parley.site.SiteStore;
import org.parley.transparency.Period;
import org.parley.transparency.ReportCsv;
import org.parley.transparency.TransparencyReport;
import org.parley.transparency.TransparencyReports;

/** The transparency report of a site, for its moderators and admins, as JSON or as CSV ({@code format=csv}). */
final class TransparencyApi {

    private final Auth auth;
    private final ModeratorAccess access;
    private final SiteStore sites;
    private final TransparencyReports reports;
    private final Clock clock;

    TransparencyApi(Auth auth, ModeratorAccess access, SiteStore sites, TransparencyReports reports, Clock clock) {
        this.auth = auth;
        this.access = access;
        this.sites = sites;
        this.reports = reports;
        this.clock = clock;
    }

    void report(Context ctx) {
        Account account = auth.require(ctx).account();
        String site = Requests.requiredQuery(ctx, "site");
        if (sites.find(site).isEmpty()) {
            throw Problem.notFound("site", "There is no site '" + site + "'.");
        }
        access.require(account, site);
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw Problem.invalid("format", "Ask for format=json or format=csv.");
        }
        TransparencyReport report = reports.report(site,
                Period.of(ctx.queryParam("from"), ctx.queryParam("to"), clock));
        ctx.header("Cache-Control", "private, no-store");
        if ("csv".equals(format)) {
            ctx.header("Content-Disposition", "attachment; filename=\"transparency-" + site + "-" + report.from()
                    + "-" + report.to() + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(ReportCsv.of(report));
        } else {
            ctx.json(Map.of("report", report));
        }
    }
}
