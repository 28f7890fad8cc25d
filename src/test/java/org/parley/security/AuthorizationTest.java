package org.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * Issue 7, item 2: every registered route, called by every kind of caller ({@link World}), answers the status its
 * line in {@link RouteTable} expects; a route the server registers without a line fails the build.
 */
class AuthorizationTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private static World world;

    @BeforeAll
    static void cast() {
        world = new World(SERVER);
    }

    @Test
    void every_registered_route_has_a_line_in_the_table_and_every_line_a_route() {
        Set<String> registered = new LinkedHashSet<>(SERVER.server().routes().stream().map(Object::toString).toList());
        Set<String> tabled = new LinkedHashSet<>(RouteTable.ROWS.stream().map(RouteTable.Row::route).toList());

        assertThat(registered).as("routes without a line in RouteTable").isSubsetOf(tabled);
        assertThat(tabled).as("lines of RouteTable for routes the server does not have").isSubsetOf(registered);
    }

    @Test
    void every_route_answers_each_caller_as_the_table_expects() {
        List<String> wrong = new ArrayList<>();
        int checks = 0;
        for (RouteTable.Row row : RouteTable.ROWS) {
            for (int column = 0; column < world.callers.size(); column++) {
                Caller caller = world.callers.get(column);
                if (row.needsOwnAccount()) {
                    caller = world.standIn(caller);
                } else if (row.needsOwnSession()) {
                    caller = world.freshSession(caller);
                }
                RouteTable.Call call = row.call().apply(world);
                Response response = caller.send(world.baseUrl(), row.method(), call.path(), call.body());
                checks++;
                int expected = row.expected().get(column);
                if (response.status() != expected) {
                    wrong.add(row.route() + " as " + caller + ": expected " + expected + ", got " + response);
                }
            }
        }
        System.out.printf("authorization: %d routes × %d roles = %d checks%n", RouteTable.ROWS.size(),
                world.callers.size(), checks);
        assertThat(wrong).as("routes answering a caller otherwise than RouteTable says").isEmpty();
    }
}
