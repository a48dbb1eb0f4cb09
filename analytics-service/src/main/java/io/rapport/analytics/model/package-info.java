/**
 * The relationship-strength model of analytics-service: plain Java 17, no framework.
 *
 * <p>{@link io.rapport.analytics.model.RelationshipModel} folds engagement events (any order,
 * duplicates, updates, cancellations) into per-contact state
 * ({@link io.rapport.analytics.model.ContactRelationship}) kept as a compensated decayed sum
 * ({@link io.rapport.analytics.model.DecayedSum}) of the contributions computed by
 * {@link io.rapport.analytics.model.ContributionCalculator} under
 * {@link io.rapport.analytics.model.ScoringParameters}; it answers score, band, trend, factors and the
 * closed-form "going cold" forecast. {@link io.rapport.analytics.model.Coverage} combines contact
 * scores per business unit. Formulas and defaults: analytics-service/README.md, "Scoring model".
 */
package io.rapport.analytics.model;
