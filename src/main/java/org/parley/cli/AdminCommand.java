package org.parley.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.problem.Problem;
import org.parley.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley admin …}: account administration from the shell. */
@Command(name = "admin", description = "Administer accounts.",
        subcommands = {AdminCommand.Create.class, AdminCommand.Moderator.class, AdminCommand.Token.class})
public final class AdminCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Name a sub-command, e.g. 'admin create'.");
    }

    /** {@code parley admin create --email E --password-stdin}: creates an admin account. */
    @Command(name = "create", description = "Create an admin account; the password is read from standard input.")
    static final class Create implements Runnable {

        @Option(names = "--email", required = true, description = "The admin's e-mail address.")
        String email;

        @Option(names = "--name", defaultValue = "Admin", description = "Display name (default: Admin).")
        String displayName;

        @Option(names = "--password-stdin", required = true,
                description = "Read the password from the first line of standard input.")
        boolean passwordFromStdin;

        @Mixin
        DatabaseOptions database;

        @Override
        public void run() {
            String password = readPassword();
            try (Database opened = database.open()) {
                Accounts accounts = new Accounts(new AccountStore(opened.jdbi()), Clock.systemUTC());
                Account account = accounts.create(email, password, displayName, Role.ADMIN);
                System.out.println("Created admin " + account.email() + " (id " + account.id() + ").");
            } catch (Problem problem) {
                throw new UsageException(problem.getMessage());
            }
        }

        private static String readPassword() {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new UsageException("give the password on standard input");
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The account with this e-mail address, or bad usage. */
    static Account requireAccount(AccountStore store, String email) {
        return store.findCredentials(email.strip().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new UsageException("there is no account " + email))
                .account();
    }

    /** {@code parley admin moderator --email E --site S}: lets an account moderate a site. */
    @Command(name = "moderator", description = "Make an account a moderator of a site.")
    static final class Moderator implements Runnable {

        @Option(names = "--email", required = true, description = "The account's e-mail address.")
        String email;

        @Option(names = "--site", required = true, description = "The site it will moderate.")
        String site;

        @Mixin
        DatabaseOptions database;

        @Override
        public void run() {
            try (Database opened = database.open()) {
                AccountStore store = new AccountStore(opened.jdbi());
                Account account = requireAccount(store, email);
                if (new org.parley.site.SiteStore(opened.jdbi()).find(site).isEmpty()) {
                    throw new UsageException("there is no site " + site);
                }
                new org.parley.site.ModeratorAccess(opened.jdbi()).assign(account.id(), site);
                System.out.println(account.email() + " now moderates " + site + ".");
            }
        }
    }

    /**
     * {@code parley admin token --email E --name N [--site S] [--role R]}: an API token for an integration, printed
     * once, limited to a site and a role when given.
     */
    @Command(name = "token", description = "Create an API token for an account; it is printed once.")
    static final class Token implements Runnable {

        @Option(names = "--email", required = true, description = "The account the token acts as.")
        String email;

        @Option(names = "--name", required = true, description = "What the token is for, e.g. 'archive import'.")
        String name;

        @Option(names = "--site", description = "Limit the token to this site (default: every site the account"
                + " may act on).")
        String site;

        @Option(names = "--role", description = "Limit the token to moderator or admin (default: the account's"
                + " role; never more).")
        String role;

        @Mixin
        DatabaseOptions database;

        @Override
        public void run() {
            try (Database opened = database.open()) {
                AccountStore store = new AccountStore(opened.jdbi());
                Account account = requireAccount(store, email);
                Accounts accounts = new Accounts(store, Clock.systemUTC());
                var tokens = new org.parley.site.StaffTokens(accounts,
                        new org.parley.site.ModeratorAccess(opened.jdbi()),
                        new org.parley.site.SiteStore(opened.jdbi()));
                System.out.println(tokens.issue(account.id(), name, role, site).secret());
            } catch (Problem problem) {
                throw new UsageException(problem.getMessage());
            }
        }
    }
}
