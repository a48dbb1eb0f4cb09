package io.rapport.analytics.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A business unit's persisted summed strength (a row of {@code unit_strength}): the sum of the
 * strengths of its counted (ACTIVE) contacts, in the same reference form as each contact's. All
 * strengths decay alike, so the sum of the contacts' reference values, each scaled to a common frame
 * by an exact power of two, is the unit's reference value; and coverage, the noisy-OR of the contact
 * scores, is {@code 100·(1 − e^(−ΣS/k))} ({@link ScoringParameters#score}) of it. When its last contact
 * with a strength goes, the sum is reset to exactly 0. Not thread-safe.
 */
public final class StoredUnit {

    private final UUID businessUnitId;
    private final DecayedSum strength;
    private int contacts;

    public StoredUnit(UUID businessUnitId, long halfLifeSeconds, long frame, double sum, double compensation, int contacts) {
        this.businessUnitId = Objects.requireNonNull(businessUnitId, "businessUnitId");
        this.strength = contacts > 0 ? DecayedSum.restore(halfLifeSeconds, frame, sum, compensation) : new DecayedSum(halfLifeSeconds);
        this.contacts = contacts;
    }

    public static StoredUnit empty(UUID businessUnitId, long halfLifeSeconds) {
        return new StoredUnit(businessUnitId, halfLifeSeconds, 0, 0, 0, 0);
    }

    /** Moves a contact's change into the sum: its strength as it was ({@code before}) out, as it is ({@code after}) in. */
    public void apply(StoredRelationship.Reference before, StoredRelationship.Reference after) {
        if (before.counted() && businessUnitId.equals(before.businessUnitId()) && before.hasStrength()) {
            contacts--;
            if (contacts == 0) {
                strength.clear();
            } else {
                strength.addReference(-before.value(), before.frame());
            }
        }
        if (after.counted() && businessUnitId.equals(after.businessUnitId()) && after.hasStrength()) {
            contacts++;
            strength.addReference(after.value(), after.frame());
        }
    }

    public UUID businessUnitId() {
        return businessUnitId;
    }

    public long frame() {
        return strength.frame();
    }

    public double rawSum() {
        return strength.rawSum();
    }

    public double compensation() {
        return strength.compensation();
    }

    public int contacts() {
        return contacts;
    }

    /** The summed strength at {@code at}. */
    public double strengthAt(Instant at) {
        return contacts > 0 ? strength.valueAt(at) : 0.0;
    }
}
