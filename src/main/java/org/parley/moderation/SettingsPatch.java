package org.parley.moderation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * A change to a site's settings: every field is optional, and a missing one keeps its value. {@code ssoSecret} and
 * {@code ssoPublicKey} (admins only, write-only) are handled by the sso package; "" turns one off.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SettingsPatch(
        String guidelines,
        List<String> bannedWords,
        List<String> suspectWords,
        Integer linkLimit,
        Boolean premoderation,
        Integer newCommenterComments,
        Double newCommenterBar,
        Integer reportsToQueue,
        Integer reportsToHold,
        Map<String, Map<String, Double>> thresholds,
        Integer editWindowMinutes,
        String deletedAccountComments,
        String guestComments,
        String ssoSecret,
        String ssoPublicKey) {
}
