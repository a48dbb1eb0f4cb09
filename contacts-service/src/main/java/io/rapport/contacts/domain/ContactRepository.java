package io.rapport.contacts.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    public Optional<Contact> findByIdForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean emailTakenByOther(String email, UUID exceptId) {
        String lower = email.toLowerCase(Locale.ROOT);
        return exceptId == null
            ? count("lower(email) = ?1", lower) > 0
            : count("lower(email) = ?1 and id <> ?2", lower, exceptId) > 0;
    }

    /** Which of the (lower-cased) emails are already taken. */
    public List<String> existingEmails(Collection<String> lowerEmails) {
        if (lowerEmails.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
            .createQuery("select lower(c.email) from Contact c where lower(c.email) in :emails", String.class)
            .setParameter("emails", lowerEmails).getResultList();
    }

    public boolean anyInBusinessUnit(UUID businessUnitId) {
        return count("businessUnitId", businessUnitId) > 0;
    }

    public List<Contact> search(ContactSearch search, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(search, today, params);
        String order = " order by c." + search.sortProperty() + (search.ascending() ? " asc" : " desc")
            + " nulls last, c.id asc";
        TypedQuery<Contact> query = getEntityManager().createQuery("select c from Contact c" + where + order, Contact.class);
        params.forEach(query::setParameter);
        return query.setFirstResult(search.page() * search.size()).setMaxResults(search.size()).getResultList();
    }

    public long countMatching(ContactSearch search, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(search, today, params);
        TypedQuery<Long> query = getEntityManager().createQuery("select count(c) from Contact c" + where, Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String where(ContactSearch s, LocalDate today, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (s.q() != null) {
            where.append(" and (lower(c.fullName) like :q escape '\\' or lower(c.email) like :q escape '\\'"
                + " or lower(c.jobTitle) like :q escape '\\')");
            params.put("q", "%" + escapeLike(s.q().toLowerCase(Locale.ROOT)) + "%");
        }
        if (s.businessUnitIds() != null) {
            where.append(" and c.businessUnitId in :units");
            params.put("units", s.businessUnitIds());
        }
        if (s.tag() != null) {
            where.append(" and array_contains(c.expertise, :tag)");
            params.put("tag", s.tag());
        }
        if (s.seniority() != null) {
            where.append(" and c.seniority = :seniority");
            params.put("seniority", s.seniority());
        }
        if (s.ownerEmail() != null) {
            where.append(" and lower(c.ownerEmail) = :owner");
            params.put("owner", s.ownerEmail().toLowerCase(Locale.ROOT));
        }
        if (s.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", s.status());
        }
        if (s.kind() != null) {
            where.append(s.kind() == ContactKind.STAKEHOLDER ? " and exists" : " and not exists")
                .append(" (select 1 from StakeholderRole r where r.contactId = c.id and ")
                .append(StakeholderRoleRepository.OPEN).append(")");
            params.put("today", today);
        }
        return where.toString();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
