package io.rapport.engagement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** engagement-service settings ({@code rapport.engagement.*}). */
@ConfigMapping(prefix = "rapport.engagement")
public interface EngagementConfig {

    /** Topic the engagement events are published to. */
    @WithName("events-topic")
    @WithDefault("rapport.engagements.v1")
    String eventsTopic();

    /** Largest page size a list accepts. */
    @WithName("max-page-size")
    @WithDefault("200")
    int maxPageSize();
}
