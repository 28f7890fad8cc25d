package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

class AuthApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    @Test
    void sign_up_answers_201_with_the_user_and_a_csrf_token_and_sets_an_http_only_lax_cookie() {
        ApiClient reader = server.client();
        Response response = reader.post("/api/v1/auth/signup",
                Map.of("email", "ada@auth.example", "password", "correct horse battery", "displayName", "Ada"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode user = response.json().get("user");
        assertThat(user.get("id").asText()).isNotBlank();
        assertThat(user.get("displayName").asText()).isEqualTo("Ada");
        assertThat(user.get("email").asText()).isEqualTo("ada@auth.example");
        assertThat(user.get("role").asText()).isEqualTo("reader");
        assertThat(response.json().get("csrf").asText()).isNotBlank();
        assertThat(response.header("Set-Cookie")).startsWith("parley_session=").contains("HttpOnly")
                .contains("SameSite=Lax").doesNotContain("Secure");

        Response me = reader.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("user").get("id")).isEqualTo(user.get("id"));
        assertThat(me.json().get("csrf")).isEqualTo(response.json().get("csrf"));
    }

    @Test
    void me_without_a_session_is_a_json_401() {
        Response response = server.client().get("/api/v1/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("not_signed_in");
        assertThat(response.json().get("message").asText()).isNotBlank();
    }

    @Test
    void a_taken_email_a_short_password_and_a_malformed_email_get_clear_errors() {
        server.client().signUp("taken@auth.example", "First");
        Response taken = server.client().post("/api/v1/auth/signup",
                Map.of("email", "taken@auth.example", "password", "correct horse battery", "displayName", "Second"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("field").asText()).isEqualTo("email");

        Response shortPassword = server.client().post("/api/v1/auth/signup",
                Map.of("email", "short@auth.example", "password", "too short", "displayName", "Short"));
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().get("field").asText()).isEqualTo("password");

        Response malformed = server.client().post("/api/v1/auth/signup",
                Map.of("email", "not-an-email", "password", "correct horse battery", "displayName", "Odd"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("field").asText()).isEqualTo("email");
    }

    @Test
    void log_in_rotates_the_session_and_log_out_revokes_it() {
        ApiClient first = server.client();
        first.signUp("rotate@auth.example", "Rotating");
        String oldCsrf = first.get("/api/v1/me").json().get("csrf").asText();

        ApiClient second = server.client();
        Response login = second.post("/api/v1/auth/login",
                Map.of("email", "rotate@auth.example", "password", "correct horse battery"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("csrf").asText()).isNotEqualTo(oldCsrf);

        assertThat(second.post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);
        assertThat(second.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(first.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void a_wrong_password_is_a_401() {
        server.client().signUp("wrong@auth.example", "Wrong");
        Response response = server.client().post("/api/v1/auth/login",
                Map.of("email", "wrong@auth.example", "password", "not the password"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("wrong_credentials");
    }
}
