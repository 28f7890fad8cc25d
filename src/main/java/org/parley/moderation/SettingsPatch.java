package org.parley.moderation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** A change to a site's settings: every field is optional, and a missing one keeps its value. */
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
        String guestComments) {
}
