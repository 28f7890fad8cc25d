package org.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.altcha.altcha.Altcha;

/**
 * Solves an ALTCHA challenge as Parley answers it ({@code GET /api/v1/challenge}) with the ALTCHA library, the way
 * a browser's widget (or a determined script) does, and packs the solution as the {@code altcha} field. Stateless.
 */
public final class AltchaSolver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AltchaSolver() {
    }

    /** The {@code altcha} value answering this challenge: base64 of the JSON payload. */
    public static String solve(JsonNode challenge) {
        try {
            Altcha.Solution solution = Altcha.solveChallenge(challenge.get("challenge").asText(),
                    challenge.get("salt").asText(), Altcha.Algorithm.SHA256, challenge.get("maxnumber").asLong(), 0);
            if (solution == null) {
                throw new AssertionError("no solution for " + challenge);
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("algorithm", challenge.get("algorithm").asText());
            payload.put("challenge", challenge.get("challenge").asText());
            payload.put("number", solution.number);
            payload.put("salt", challenge.get("salt").asText());
            payload.put("signature", challenge.get("signature").asText());
            return Base64.getEncoder().encodeToString(JSON.writeValueAsString(payload)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fetches a challenge for the site with this client and solves it; fails the test unless it is issued. */
    public static String fetchAndSolve(ApiClient client, String site) {
        Response challenge = client.get("/api/v1/challenge?site=" + ApiClient.encode(site));
        if (challenge.status() != 200) {
            throw new AssertionError("no challenge: " + challenge);
        }
        return solve(challenge.json());
    }
}
