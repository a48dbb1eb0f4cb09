package io.rapport.analytics.service;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.rapport.analytics.model.Direction;
import io.rapport.analytics.model.EngagementType;
import io.rapport.analytics.model.ScoringParameters;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The scoring parameters as configuration ({@code rapport.scoring.*}); every default is the model's
 * documented default ({@link ScoringParameters#defaults()}).
 */
@ConfigMapping(prefix = "rapport.scoring")
public interface ScoringConfig {

    @WithName("half-life")
    @WithDefault("P90D")
    Duration halfLife();

    /** Base weight per engagement type, e.g. {@code rapport.scoring.base-weights.ONE_TO_ONE=5}. */
    @WithName("base-weights")
    Map<EngagementType, Double> baseWeights();

    @WithName("effort-scale")
    @WithDefault("0.5")
    double effortScale();

    @WithName("sentiment-step")
    @WithDefault("0.1")
    double sentimentStep();

    @WithName("direction-factors")
    Map<Direction, Double> directionFactors();

    @WithName("slice-period")
    @WithDefault("P7D")
    Duration slicePeriod();

    @WithName("max-slices")
    @WithDefault("520")
    int maxSlices();

    @WithName("group-discount-exponent")
    @WithDefault("0.5")
    double groupDiscountExponent();

    @WithName("score-scale")
    @WithDefault("40")
    double scoreScale();

    @WithName("cool-threshold")
    @WithDefault("20")
    double coolThreshold();

    @WithName("warm-threshold")
    @WithDefault("45")
    double warmThreshold();

    @WithName("strong-threshold")
    @WithDefault("70")
    double strongThreshold();

    /** Produces the {@link ScoringParameters} the service scores with. */
    @ApplicationScoped
    class Producer {
        @Produces
        @Singleton
        ScoringParameters parameters(ScoringConfig c) {
            ScoringParameters d = ScoringParameters.defaults();
            Map<EngagementType, Double> weights = new EnumMap<>(d.baseWeights());
            weights.putAll(Optional.ofNullable(c.baseWeights()).orElse(Map.of()));
            Map<Direction, Double> directions = new EnumMap<>(d.directionFactors());
            directions.putAll(Optional.ofNullable(c.directionFactors()).orElse(Map.of()));
            return new ScoringParameters(c.halfLife(), weights, c.effortScale(), c.sentimentStep(), directions,
                EnumSet.copyOf(d.longRunningTypes()), c.slicePeriod(), c.maxSlices(),
                EnumSet.copyOf(d.groupDiscountTypes()), c.groupDiscountExponent(), c.scoreScale(),
                c.coolThreshold(), c.warmThreshold(), c.strongThreshold());
        }
    }
}
