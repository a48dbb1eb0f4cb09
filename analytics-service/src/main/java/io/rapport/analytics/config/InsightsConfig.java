package io.rapport.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Configuration of the insights ({@code rapport.insights.*}): the default stay-in-touch cadence, in
 * days, of a contact without its own, per seniority (API.md, "Stay in touch").
 */
@ConfigMapping(prefix = "rapport.insights.cadence-days")
public interface InsightsConfig {

    @WithName("executive")
    @WithDefault("30")
    int executive();

    @WithName("senior-manager")
    @WithDefault("45")
    int seniorManager();

    @WithName("manager")
    @WithDefault("60")
    int manager();

    @WithName("staff")
    @WithDefault("90")
    int staff();

    /** Cadence of a contact whose seniority is not known. */
    @WithName("unknown-seniority")
    @WithDefault("90")
    int unknownSeniority();

    /** The effective cadence: the contact's own, else its seniority's default. */
    default int cadenceFor(Integer own, String seniority) {
        if (own != null) {
            return own;
        }
        if (seniority == null) {
            return unknownSeniority();
        }
        return switch (seniority) {
            case "EXECUTIVE" -> executive();
            case "SENIOR_MANAGER" -> seniorManager();
            case "MANAGER" -> manager();
            case "STAFF" -> staff();
            default -> unknownSeniority();
        };
    }

    /** The defaults as one string, to notice a change at startup (see AnalyticsState). */
    default String fingerprint() {
        return executive() + "/" + seniorManager() + "/" + manager() + "/" + staff() + "/" + unknownSeniority();
    }
}
