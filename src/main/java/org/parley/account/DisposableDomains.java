package org.parley.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.parley.problem.Problem;

/**
 * The mail domains of disposable (throwaway) mail services, whose addresses cannot sign up or sign a guest comment:
 * a maintained public list shipped as {@code account/disposable-domains.txt} (see that file and NOTICE), or a file
 * of the operator's in the same format (one domain per line, {@code #} comments). A listed domain covers its
 * subdomains. Immutable and thread-safe.
 */
public final class DisposableDomains {

    private static final String SHIPPED = "/account/disposable-domains.txt";
    private static DisposableDomains shipped;

    private final Set<String> domains;

    private DisposableDomains(Set<String> domains) {
        this.domains = domains;
    }

    /** The shipped list, read once. */
    public static synchronized DisposableDomains shipped() {
        if (shipped == null) {
            try (InputStream in = DisposableDomains.class.getResourceAsStream(SHIPPED)) {
                if (in == null) {
                    throw new IllegalStateException(SHIPPED + " is missing from the jar");
                }
                shipped = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shipped;
    }

    /** The list in an operator's file, instead of the shipped one. */
    public static DisposableDomains fromFile(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return parse(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the disposable mail domains in " + file, e);
        }
    }

    static DisposableDomains parse(Stream<String> lines) {
        return new DisposableDomains(lines.map(line -> line.strip().toLowerCase(Locale.ROOT))
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toUnmodifiableSet()));
    }

    public int size() {
        return domains.size();
    }

    /** Whether the address (checked and lower-cased already) is at a listed domain or one of its subdomains. */
    public boolean isDisposable(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1);
        for (String at = domain; !at.isEmpty(); at = at.indexOf('.') < 0 ? "" : at.substring(at.indexOf('.') + 1)) {
            if (domains.contains(at)) {
                return true;
            }
        }
        return false;
    }

    /** Refuses an address of a disposable mail service: 422 {@code disposable_email} on the field {@code email}. */
    public void check(String email) {
        if (isDisposable(email)) {
            throw Problem.unprocessable("disposable_email", "Addresses of disposable mail services cannot be used"
                    + " here. Use an address you keep: we only write to it about your account.", "email");
        }
    }
}
