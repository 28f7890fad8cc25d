package org.parley.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which receivers Parley may call: by default only public addresses, so that a webhook (added by an admin, or by
 * whoever stole an admin's token) cannot make the server call services on its own machine or network. A host is
 * resolved and every address it resolves to is checked; a literal address is checked as it is. Refused are
 * loopback, link-local (the cloud metadata address 169.254.169.254 among them), private (10/8, 172.16/12,
 * 192.168/16, the shared 100.64/10, fc00::/7 and the old site-local fec0::/10), unspecified (0/8, ::), multicast
 * and broadcast addresses, and IPv6 forms that carry such an IPv4 address (mapped, compatible, NAT64, 6to4).
 *
 * <p>On-premise setups whose receivers live on the private network turn the check off
 * ({@code webhook-allow-private}). The check runs when a hook is added or changed and again before every
 * delivery, since a name may point elsewhere by then. The HTTP client resolves the name once more when it
 * connects; the JVM's address cache (30 seconds by default) keeps that answer the one just checked, but a
 * receiver's DNS could still change it within that moment, which is why the setting defaults to the strict side
 * and redirects are never followed. Thread-safe.
 */
public final class ReceiverAddresses {

    /** Why a receiver was refused, as a sentence for the admin or the delivery log. */
    public record Refusal(String reason) {
    }

    private final boolean allowPrivate;

    public ReceiverAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * Why a hook may not be saved with this URL, or empty when it may. A host that does not resolve (yet) passes:
     * nothing can be reached through it, and the check runs again before each delivery.
     */
    public Optional<Refusal> checkHook(URI url) {
        return check(url, false);
    }

    /** Why Parley must not send to this URL now, or empty when it may; a host that does not resolve is refused. */
    public Optional<Refusal> checkDelivery(URI url) {
        return check(url, true);
    }

    private Optional<Refusal> check(URI url, boolean refuseUnresolved) {
        String host = url.getHost();
        if (allowPrivate || host == null) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return refuseUnresolved ? Optional.of(new Refusal("The receiver's host " + bare + " does not resolve."))
                    : Optional.empty();
        }
        boolean literal = Arrays.stream(addresses).anyMatch(address -> address.getHostAddress().equals(bare))
                || bare.contains(":");
        for (InetAddress address : addresses) {
            Optional<String> kind = forbiddenKind(address);
            if (kind.isPresent()) {
                String what = literal ? "The receiver's address " + address.getHostAddress()
                        : "The receiver's host " + bare + " resolves to " + address.getHostAddress() + ", which";
                return Optional.of(new Refusal(what + " is " + kind.get() + "; Parley calls only public addresses"
                        + " unless the server runs with webhook-allow-private."));
            }
        }
        return Optional.empty();
    }

    /** What kind of non-public address this is ("a loopback address"…), or empty for a public one. */
    static Optional<String> forbiddenKind(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4Kind(bytes);
        }
        if (address instanceof Inet6Address) {
            return ipv6Kind(bytes);
        }
        return Optional.of("of an unknown kind");
    }

    private static Optional<String> ipv4Kind(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return Optional.of("an unspecified address");
        }
        if (first == 127) {
            return Optional.of("a loopback address");
        }
        if (first == 169 && second == 254) {
            return Optional.of("a link-local address");
        }
        if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)
                || (first == 100 && second >= 64 && second <= 127)) {
            return Optional.of("a private address");
        }
        if (first >= 224 && first <= 239) {
            return Optional.of("a multicast address");
        }
        if (first == 255 && second == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
            return Optional.of("the broadcast address");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6Kind(byte[] b) {
        if (allZero(b, 0, 16)) {
            return Optional.of("an unspecified address");
        }
        if (allZero(b, 0, 15) && b[15] == 1) {
            return Optional.of("a loopback address");
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("a link-local address");
        }
        if ((first & 0xfe) == 0xfc || (first == 0xfe && (second & 0xc0) == 0xc0)) {
            return Optional.of("a private address");
        }
        if (first == 0xff) {
            return Optional.of("a multicast address");
        }
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = allZero(b, 0, 12);
        boolean nat64 = first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return ipv4Kind(Arrays.copyOfRange(b, 12, 16));
        }
        if (first == 0x20 && second == 0x02) {
            return ipv4Kind(Arrays.copyOfRange(b, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
