package io.rapport.contacts.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class BusinessUnitRepository implements PanacheRepositoryBase<BusinessUnit, UUID> {

    public Optional<BusinessUnit> findByIdForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<BusinessUnit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public boolean codeTakenByOther(String code, UUID exceptId) {
        return exceptId == null ? count("code", code) > 0 : count("code = ?1 and id <> ?2", code, exceptId) > 0;
    }

    public List<BusinessUnit> page(String property, boolean ascending, int page, int size) {
        Sort sort = Sort.by(property, ascending ? Sort.Direction.Ascending : Sort.Direction.Descending).and("id");
        return findAll(sort).page(page, size).list();
    }

    public boolean hasChildren(UUID id) {
        return count("parentId", id) > 0;
    }

    /** The unit and every unit below it (ids), through the parent links. */
    @SuppressWarnings("unchecked")
    public List<UUID> selfAndDescendants(UUID id) {
        return getEntityManager().createNativeQuery("""
                with recursive tree(id) as (
                    select id from business_unit where id = :id
                    union
                    select b.id from business_unit b join tree t on b.parent_id = t.id)
                select id from tree""", UUID.class)
            .setParameter("id", id)
            .getResultList();
    }

    /** The unit's ancestors' ids, nearest first (stops at a cycle, which the service never lets exist). */
    @SuppressWarnings("unchecked")
    public List<UUID> ancestors(UUID id) {
        return getEntityManager().createNativeQuery("""
                with recursive up(id, parent_id) as (
                    select id, parent_id from business_unit where id = :id
                    union
                    select b.id, b.parent_id from business_unit b join up u on b.id = u.parent_id)
                select id from up where id <> :id""", UUID.class)
            .setParameter("id", id)
            .getResultList();
    }
}
