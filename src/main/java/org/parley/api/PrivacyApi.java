package org.parley.api;

import io.javalin.http.Context;
import org.parley.account.Session;
import org.parley.privacy.AccountDeletion;
import org.parley.privacy.DataExport;

/** A reader's own data: {@code GET /api/v1/me/export} (everything, as a JSON file) and {@code DELETE /api/v1/me}. */
final class PrivacyApi {

    private final Auth auth;
    private final DataExport export;
    private final AccountDeletion deletion;

    PrivacyApi(Auth auth, DataExport export, AccountDeletion deletion) {
        this.auth = auth;
        this.export = export;
        this.deletion = deletion;
    }

    void export(Context ctx) {
        Session session = auth.require(ctx);
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"parley-data-" + session.account().id() + ".json\"");
        ctx.json(export.of(session.account().id(), session.tokenHash()));
    }

    void delete(Context ctx) {
        Session session = auth.requireForChange(ctx);
        deletion.delete(session.account());
        auth.clearCookie(ctx);
        ctx.status(204);
    }
}
