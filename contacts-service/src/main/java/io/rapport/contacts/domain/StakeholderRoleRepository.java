package io.rapport.contacts.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class StakeholderRoleRepository implements PanacheRepositoryBase<StakeholderRole, UUID> {

    /** HQL condition (on alias {@code r}) of an open role, with parameter {@code today}. */
    public static final String OPEN = "r.endedAt is null and (r.endDate is null or r.endDate >= :today)";

    public List<StakeholderRole> findByContact(UUID contactId, int page, int size) {
        return find("contactId", Sort.by("startDate").and("id"), contactId).page(page, size).list();
    }

    public long countByContact(UUID contactId) {
        return count("contactId", contactId);
    }

    public Optional<StakeholderRole> findForUpdate(UUID contactId, UUID roleId) {
        return findByIdOptional(roleId, LockModeType.PESSIMISTIC_WRITE).filter(r -> r.contactId.equals(contactId));
    }

    /** The contacts among {@code contactIds} that hold an open role today. */
    public Set<UUID> withOpenRole(Collection<UUID> contactIds, LocalDate today) {
        if (contactIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
            .createQuery("select distinct r.contactId from StakeholderRole r where r.contactId in :ids and " + OPEN,
                UUID.class)
            .setParameter("ids", contactIds).setParameter("today", today)
            .getResultList());
    }

    public long deleteByContact(UUID contactId) {
        return delete("contactId", contactId);
    }
}
