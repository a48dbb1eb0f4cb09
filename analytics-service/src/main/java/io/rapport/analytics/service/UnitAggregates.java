package io.rapport.analytics.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.analytics.model.ScoringParameters;
import io.rapport.analytics.model.StoredRelationship;
import io.rapport.analytics.model.StoredRelationship.Reference;
import io.rapport.analytics.model.StoredUnit;
import io.rapport.analytics.model.ValueDelta;
import io.rapport.analytics.persistence.UnitRows;

/**
 * The last step of every fold transaction: moves the changes of the contacts' strengths into their
 * units' summed strengths (a contact's strength as loaded out of the unit it counted for, as it is now
 * into the unit it counts for now) and adds the value roll-up changes, under the aggregates lock.
 */
@ApplicationScoped
public class UnitAggregates {

    private final ScoringParameters params;

    public UnitAggregates(ScoringParameters params) {
        this.params = params;
    }

    public void apply(Connection c, Collection<StoredRelationship> relationships, ValueDelta values) throws SQLException {
        apply(c, relationships, values, Map.of());
    }

    /** The same, and the changes of how many ACTIVE contacts hold each expertise tag. */
    public void apply(Connection c, Collection<StoredRelationship> relationships, ValueDelta values,
        Map<String, Integer> tagHolders) throws SQLException {
        Set<UUID> touched = new TreeSet<>();
        for (StoredRelationship r : relationships) {
            touched.addAll(unitsOf(r));
        }
        boolean tags = tagHolders.values().stream().anyMatch(n -> n != 0);
        if (touched.isEmpty() && values.isEmpty() && !tags) {
            return;
        }
        UnitRows.lock(c);
        if (!touched.isEmpty()) {
            Map<UUID, StoredUnit> units = UnitRows.load(c, touched, params.halfLifeSeconds());
            for (StoredRelationship r : relationships) {
                for (UUID unit : unitsOf(r)) {
                    units.get(unit).apply(r.loadedReference(), r.reference());
                }
            }
            UnitRows.write(c, units.values());
        }
        UnitRows.addValues(c, values);
        if (tags) {
            UnitRows.addTagHolders(c, tagHolders);
        }
    }

    /** The units whose sum a contact's change moves: the one it counted for as loaded, the one it counts for now. */
    private static Set<UUID> unitsOf(StoredRelationship r) {
        Reference before = r.loadedReference();
        Reference after = r.reference();
        Set<UUID> units = new TreeSet<>();
        if (before.equals(after)) {
            return units;
        }
        if (before.counted() && before.businessUnitId() != null) {
            units.add(before.businessUnitId());
        }
        if (after.counted() && after.businessUnitId() != null) {
            units.add(after.businessUnitId());
        }
        return units;
    }
}
