package org.parley.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.oidc.OidcClients;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.problem.Problem;
import org.parley.sso.SingleSignOn;
import org.parley.site.SsoKeys;
import org.parley.sso.SsoStore;
import org.parley.store.Database;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.site.Sites;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley site …}: the publisher's sites and the origins whose pages may carry their threads. */
@Command(name = "site", description = "Manage sites.",
        subcommands = {SiteCommand.Create.class, SiteCommand.Set.class, SiteCommand.ListSites.class})
public final class SiteCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Name a sub-command: create, set or list.");
    }

    /** {@code parley site create}: creates a site, or replaces the name, origins, guidelines and language of one. */
    @Command(name = "create", description = "Create or update a site.")
    static final class Create implements Runnable {

        @Option(names = "--id", required = true, description = "Site id (a-z, 0-9, '-'), used in data-parley-site.")
        String id;

        @Option(names = "--name", required = true, description = "The publication's name.")
        String name;

        @Option(names = "--origin", required = true, description = "An origin whose pages carry threads, e.g."
                + " https://www.example.org; repeat for several.")
        List<String> origins;

        @Option(names = "--guidelines", description = "Community guidelines shown above the comment box.")
        String guidelines;

        @Option(names = "--language",
                description = "The site's language, e.g. en, de, es, fr, it, nl, pl, pt or tr (default: en).")
        String language;

        @Mixin
        DatabaseOptions database;

        @Override
        public void run() {
            try (Database opened = database.open()) {
                Site site = new Sites(new SiteStore(opened.jdbi()), Clock.systemUTC())
                        .save(id, new Sites.SiteFields(name, origins, guidelines, language));
                System.out.println("Site " + site.id() + " takes comments on pages at "
                        + String.join(", ", site.origins()) + ".");
            } catch (Problem problem) {
                throw new UsageException(problem.getMessage());
            }
        }
    }

    /** {@code parley site set S}: the site's publisher sign-in keys and OpenID providers. */
    @Command(name = "set", description = "Change a site's publisher sign-in (SSO) keys or OpenID providers.")
    static final class Set implements Runnable {

        @Parameters(index = "0", description = "The site's id.")
        String site;

        @Option(names = "--sso-secret-stdin", description = "Read the HS256 SSO secret (at least 32 characters) from"
                + " the first line of standard input; an empty line turns HS256 off.")
        boolean secretFromStdin;

        @Option(names = "--sso-public-key", paramLabel = "FILE", description = "A PEM file with the RS256 public"
                + " key the publisher signs with; an empty file turns RS256 off.")
        Path publicKeyFile;

        @Option(names = "--oidc-provider", paramLabel = "NAME", description = "Add or change the OpenID provider"
                + " NAME (google, microsoft, apple or a name of your own) with the --oidc-* options.")
        String oidcProvider;

        @Option(names = "--oidc-issuer", paramLabel = "URL", description = "The provider's issuer URL (needed for"
                + " a name of your own; google, microsoft and apple know theirs).")
        String oidcIssuer;

        @Option(names = "--oidc-client-id", paramLabel = "ID", description = "The client id the provider issued.")
        String oidcClientId;

        @Option(names = "--oidc-client-secret-stdin", description = "Read the provider's client secret from the"
                + " first line of standard input.")
        boolean oidcSecretFromStdin;

        @Option(names = "--oidc-remove", paramLabel = "NAME", description = "Stop offering sign-in with NAME.")
        String oidcRemove;

        @Mixin
        DatabaseOptions database;

        @Override
        public void run() {
            if (oidcProvider != null || oidcRemove != null) {
                setOidc();
                return;
            }
            if (!secretFromStdin && publicKeyFile == null) {
                throw new UsageException("give --sso-secret-stdin, --sso-public-key FILE or both, or --oidc-provider"
                        + " NAME or --oidc-remove NAME");
            }
            String secret = secretFromStdin ? readLine() : null;
            String publicKey = publicKeyFile == null ? null : readFile(publicKeyFile);
            try (Database opened = database.open()) {
                SingleSignOn sso = new SingleSignOn(new SsoStore(opened.jdbi()), new SiteStore(opened.jdbi()),
                        new Accounts(new AccountStore(opened.jdbi()), Clock.systemUTC()), Clock.systemUTC());
                SsoKeys keys = sso.changedKeys(site, secret, publicKey);
                sso.saveKeys(site, keys);
                System.out.println("Site " + site + (keys.configured() ? " takes publisher sign-in with "
                        + (keys.secret() != null ? "HS256" : "") + (keys.secret() != null && keys.publicKey() != null
                        ? " and " : "") + (keys.publicKey() != null ? "RS256" : "") : " has publisher sign-in off")
                        + ".");
            } catch (Problem problem) {
                throw new UsageException(problem.getMessage());
            }
        }

        /** Adds, changes or removes one OpenID provider, through the same checks as the settings API. */
        private void setOidc() {
            if (oidcProvider != null && oidcRemove != null || secretFromStdin || publicKeyFile != null) {
                throw new UsageException("change one OpenID provider at a time, apart from the SSO keys");
            }
            String secret = oidcSecretFromStdin ? readLine() : null;
            try (Database opened = database.open()) {
                OidcClients clients = new OidcClients(new SiteStore(opened.jdbi()));
                Map<String, OidcClients.Change> change = new HashMap<>();
                change.put(oidcRemove != null ? oidcRemove : oidcProvider, oidcRemove != null ? null
                        : new OidcClients.Change(oidcIssuer, oidcClientId, secret));
                clients.save(site, clients.changed(site, change));
                List<OidcClients.View> now = clients.view(site);
                System.out.println("Site " + site + (now.isEmpty() ? " offers no OpenID sign-in." : " offers sign-in"
                        + " with " + String.join(", ", now.stream().map(OidcClients.View::provider).toList())
                        + "."));
            } catch (Problem problem) {
                throw new UsageException(problem.getMessage());
            }
        }

        private static String readLine() {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? "" : line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String readFile(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException("cannot read " + file + ": " + e.getMessage());
            }
        }
    }

    /** {@code parley site list}: one line per site with its origins. */
    @Command(name = "list", description = "List the sites and their allowed origins.")
    static final class ListSites implements Runnable {

        @Mixin
        DatabaseOptions database;

        @Override
        public void run() {
            try (Database opened = database.open()) {
                for (Site site : new SiteStore(opened.jdbi()).list()) {
                    System.out.println(site.id() + "\t" + site.name() + "\t" + String.join(" ", site.origins()));
                }
            }
        }
    }
}
