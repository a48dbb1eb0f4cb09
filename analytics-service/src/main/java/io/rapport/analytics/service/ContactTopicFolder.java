package io.rapport.analytics.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.rapport.analytics.config.InsightsConfig;
import io.rapport.analytics.events.ConsumedEvent.ContactChange;
import io.rapport.analytics.events.ConsumedEvent.ContactTopicEvent;
import io.rapport.analytics.events.ConsumedEvent.Handler;
import io.rapport.analytics.events.ConsumedEvent.RoleChange;
import io.rapport.analytics.events.ConsumedEvent.UnitChange;
import io.rapport.analytics.events.EventTypes;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.analytics.model.StoredRelationship;
import io.rapport.analytics.model.ValueDelta;
import io.rapport.analytics.persistence.BusinessUnitEntity;
import io.rapport.analytics.persistence.ContactEntity;
import io.rapport.analytics.persistence.RelationshipRows;
import io.rapport.analytics.persistence.StakeholderRoleEntity;

/**
 * Applies rapport.contacts.v1 events, in order, inside the caller's transaction and into the tables its
 * {@code search_path} resolves. Contacts and units keep their highest version (an erasure is final);
 * roles carry no version, so order matters and they are applied as they come. A contact's change also
 * describes its relationship row (unit, listed, counted, stay-in-touch), moving its strength between
 * unit sums; those rows are locked first, in contact-id order, like the engagement fold locks them.
 */
@ApplicationScoped
public class ContactTopicFolder {

    /** The end date stored for an open-ended role, so "open on a day" is a date comparison. */
    static final String OPEN_ENDED = "9999-12-31";

    private final EntityManager em;
    private final ScoringParameters params;
    private final InsightsConfig insights;
    private final UnitAggregates units;

    public ContactTopicFolder(EntityManager em, ScoringParameters params, InsightsConfig insights, UnitAggregates units) {
        this.em = em;
        this.params = params;
        this.insights = insights;
        this.units = units;
    }

    /** Applies the events in order over connection {@code c} (the transaction's). */
    public void fold(Connection c, List<ContactTopicEvent> events) throws SQLException {
        Set<UUID> contacts = new TreeSet<>();
        for (ContactTopicEvent e : events) {
            if (e instanceof ContactChange change) {
                contacts.add(change.contactId());
            }
        }
        Map<UUID, StoredRelationship> relationships = RelationshipRows.lock(c, contacts, params.halfLifeSeconds());
        Map<String, Integer> tagHolders = new TreeMap<>();
        Apply apply = new Apply(c, relationships, tagHolders);
        for (ContactTopicEvent e : events) {
            e.applyTo(apply);
            if (apply.failure != null) {
                throw apply.failure;
            }
        }
        em.flush();
        RelationshipRows.write(c, relationships.values());
        units.apply(c, relationships.values(), new ValueDelta(), tagHolders);
    }

    private final class Apply implements Handler {
        private final Connection c;
        private final Map<UUID, StoredRelationship> relationships;
        private final Map<String, Integer> tagHolders;
        SQLException failure;

        Apply(Connection c, Map<UUID, StoredRelationship> relationships, Map<String, Integer> tagHolders) {
            this.c = c;
            this.relationships = relationships;
            this.tagHolders = tagHolders;
        }

        @Override
        public void contact(ContactChange change) {
            try {
                applyContact(c, change, relationships.get(change.contactId()), tagHolders);
            } catch (SQLException e) {
                failure = e;
            }
        }

        @Override
        public void unit(UnitChange change) {
            applyUnit(change);
        }

        @Override
        public void role(RoleChange change) {
            try {
                applyRole(c, change);
            } catch (SQLException e) {
                failure = e;
            }
        }
    }

    private void applyContact(Connection c, ContactChange change, StoredRelationship relationship,
        Map<String, Integer> tagHolders) throws SQLException {
        ContactEntity row = em.find(ContactEntity.class, change.contactId());
        boolean erase = EventTypes.CONTACT_ERASED.equals(change.type());
        if (row != null && (row.erased() || (!erase && change.version() <= row.version))) {
            return; // erasure is final; older states are ignored
        }
        if (row == null) {
            row = new ContactEntity();
            row.id = change.contactId();
            row.createdAt = change.occurredAt();
        }
        if (EventTypes.CONTACT_CREATED.equals(change.type()) && change.occurredAt() != null) {
            row.createdAt = change.occurredAt();
        }
        row.businessUnitId = change.businessUnitId();
        row.version = Math.max(row.version, change.version());
        if (erase) {
            // Nothing personal is kept: the owner's email, the assessments and roles and tags go.
            row.status = ContactEntity.ERASED;
            row.ownerEmail = null;
            row.influence = null;
            row.interest = null;
            row.stance = null;
            row.cadenceDays = null;
            em.createQuery("delete from StakeholderRoleEntity r where r.contactId = :c").setParameter("c", row.id).executeUpdate();
        } else {
            row.status = change.status();
            row.ownerEmail = change.ownerEmail();
            row.seniority = change.seniority() != null ? change.seniority() : row.seniority;
            row.cadenceDays = change.cadenceDays();
            row.influence = change.influence();
            row.interest = change.interest();
            row.stance = change.stance();
        }
        boolean created = !em.contains(row);
        if (created) {
            em.persist(row);
        }
        if (created || erase) {
            em.flush();
            refreshStakeholderUntil(c, row.id); // roles may have arrived first; an erasure deleted them
        }
        boolean active = "ACTIVE".equals(row.status);
        List<String> tags = erase ? List.of() : change.expertise();
        for (String old : replaceExpertise(c, row.id, tags)) {
            if (relationship.counted()) {
                tagHolders.merge(old, -1, Integer::sum);
            }
        }
        if (active && !erase) {
            tags.forEach(t -> tagHolders.merge(t, 1, Integer::sum));
        }
        relationship.describe(row.businessUnitId, !erase, active && !erase, row.createdAt,
            insights.cadenceFor(row.cadenceDays, row.seniority));
    }

    /** Replaces the contact's tags; answers the tags it had. */
    private static List<String> replaceExpertise(Connection c, UUID contactId, List<String> tags) throws SQLException {
        List<String> old = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("delete from contact_expertise where contact_id = ? returning tag")) {
            s.setObject(1, contactId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    old.add(rs.getString(1));
                }
            }
        }
        if (tags.isEmpty()) {
            return old;
        }
        try (PreparedStatement s = c.prepareStatement("insert into contact_expertise (contact_id, tag)"
            + " select ?, t from unnest(?::varchar[]) as t on conflict do nothing")) {
            s.setObject(1, contactId);
            s.setArray(2, c.createArrayOf("varchar", tags.toArray()));
            s.executeUpdate();
        }
        return old;
    }

    private void applyUnit(UnitChange u) {
        BusinessUnitEntity row = em.find(BusinessUnitEntity.class, u.businessUnitId());
        if (row != null && u.version() < row.version) {
            return;
        }
        if (row == null) {
            row = new BusinessUnitEntity();
            row.id = u.businessUnitId();
        }
        row.code = u.code();
        row.name = u.name();
        row.parentId = u.parentId();
        row.version = u.version();
        row.deleted = EventTypes.UNIT_DELETED.equals(u.type());
        if (!em.contains(row)) {
            em.persist(row);
        }
    }

    private void applyRole(Connection c, RoleChange r) throws SQLException {
        ContactEntity contact = em.find(ContactEntity.class, r.contactId());
        if (contact != null && contact.erased()) {
            return; // nothing is kept about an erased contact
        }
        StakeholderRoleEntity row = em.find(StakeholderRoleEntity.class, r.roleId());
        if (row == null) {
            row = new StakeholderRoleEntity();
            row.id = r.roleId();
        }
        row.contactId = r.contactId();
        row.projectCode = r.projectCode();
        row.role = r.role();
        row.startDate = r.startDate();
        row.endDate = r.endDate();
        row.ended = EventTypes.ROLE_ENDED.equals(r.type());
        if (!em.contains(row)) {
            em.persist(row);
        }
        em.flush();
        refreshStakeholderUntil(c, r.contactId());
    }

    /** STAKEHOLDER while an open role remains: until the latest end date of its roles not ended. */
    private static void refreshStakeholderUntil(Connection c, UUID contactId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update contact set stakeholder_until = (select max(coalesce(end_date,"
            + " date '" + OPEN_ENDED + "')) from stakeholder_role where contact_id = ? and not ended) where id = ?")) {
            s.setObject(1, contactId);
            s.setObject(2, contactId);
            s.executeUpdate();
        }
    }
}
