package org.parley.cli;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.parley.store.Database;
import org.parley.story.Site;
import org.parley.story.SiteStore;
import org.parley.story.Stories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley site …}: the publisher's sites and the origins whose pages may carry their threads. */
@Command(name = "site", description = "Manage sites.",
        subcommands = {SiteCommand.Create.class, SiteCommand.ListSites.class})
public final class SiteCommand implements Runnable {

    private static final Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a sub-command: create or list.");
    }

    /** {@code parley site create}: creates a site, or replaces the name, origins and guidelines of one. */
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
        String guidelines = Site.DEFAULT_GUIDELINES;

        @Mixin
        DatabaseOptions database;

        @Override
        public void run() {
            if (!SITE_ID.matcher(id).matches()) {
                throw new UsageException("--id must be 1 to 40 of a-z, 0-9 and '-', starting with a letter or digit");
            }
            List<String> normalized = new ArrayList<>();
            for (String origin : origins) {
                normalized.add(originOf(origin));
            }
            try (Database opened = database.open()) {
                new SiteStore(opened.jdbi()).save(new Site(id, name, normalized, guidelines),
                        Clock.systemUTC().instant());
            }
            System.out.println("Site " + id + " takes comments on pages at " + String.join(", ", normalized) + ".");
        }

        private static String originOf(String origin) {
            try {
                String normalized = Stories.originOf(Stories.normalize(origin));
                if (!URI.create(origin.strip()).getRawPath().replace("/", "").isEmpty()) {
                    throw new UsageException("--origin takes an origin without a path, e.g. https://www.example.org");
                }
                return normalized;
            } catch (org.parley.problem.Problem | IllegalArgumentException e) {
                throw new UsageException("--origin must be an http(s) origin such as https://www.example.org: "
                        + origin);
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
