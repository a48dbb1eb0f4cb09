package io.rapport.contacts.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.rapport.contacts.domain.BusinessUnit;
import io.rapport.contacts.domain.BusinessUnitRepository;
import io.rapport.contacts.domain.ContactRepository;
import io.rapport.contacts.events.ContactEvents;
import io.rapport.contacts.mapping.BusinessUnitMapper;
import io.rapport.contacts.rest.dto.BusinessUnitRequest;
import io.rapport.contacts.rest.dto.BusinessUnitView;
import io.rapport.platform.problem.ProblemException;
import io.rapport.platform.rest.PageResponse;
import io.rapport.platform.rest.Preconditions;
import io.rapport.platform.rest.SortSpec;

/** The rules of business units: unique codes, an acyclic hierarchy, no deletion while referenced. */
@ApplicationScoped
public class BusinessUnitService {

    static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name", "createdAt", "createdAt",
        "updatedAt", "updatedAt");
    private static final SortSpec DEFAULT_SORT = new SortSpec("code", "code", true);

    private final BusinessUnitRepository units;
    private final ContactRepository contacts;
    private final BusinessUnitMapper mapper;
    private final ContactEvents events;
    private final Clock clock;

    public BusinessUnitService(BusinessUnitRepository units, ContactRepository contacts, BusinessUnitMapper mapper,
                               ContactEvents events, Clock clock) {
        this.units = units;
        this.contacts = contacts;
        this.mapper = mapper;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public PageResponse<BusinessUnitView> listBusinessUnits(String page, String size, String sort) {
        Paging paging = Paging.parse(page, size);
        SortSpec spec = SortSpec.parse(sort, SORTABLE, DEFAULT_SORT);
        List<BusinessUnitView> items = units.page(spec.property(), spec.ascending(), paging.page(), paging.size())
            .stream().map(mapper::toView).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), units.count());
    }

    @Transactional
    public Optional<BusinessUnitView> findBusinessUnitById(UUID id) {
        return units.findByIdOptional(id).map(mapper::toView);
    }

    @Transactional
    public BusinessUnitView createBusinessUnit(@NotNull @Valid BusinessUnitRequest request) {
        if (units.codeTakenByOther(request.code().trim(), null)) {
            throw codeConflict(request.code());
        }
        if (request.parentId() != null && units.findByIdOptional(request.parentId()).isEmpty()) {
            throw Problems.field("parentId", "no business unit has this id");
        }
        Instant now = now();
        BusinessUnit unit = new BusinessUnit();
        unit.id = UUID.randomUUID();
        mapper.apply(request, unit);
        unit.version = 1;
        unit.createdAt = now;
        unit.updatedAt = now;
        units.persist(unit);
        Problems.flushOrConflict(units::flush, "business_unit_code_unique", () -> codeConflict(request.code()));
        events.businessUnit(ContactEvents.BUSINESS_UNIT_CREATED, unit, now);
        return mapper.toView(unit);
    }

    @Transactional
    public Optional<BusinessUnitView> replaceBusinessUnit(UUID id, String ifMatch,
                                                         @NotNull @Valid BusinessUnitRequest request) {
        Optional<BusinessUnit> found = units.findByIdForUpdate(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BusinessUnit unit = found.get();
        Preconditions.requireIfMatch(ifMatch, unit.version);
        if (units.codeTakenByOther(request.code().trim(), id)) {
            throw codeConflict(request.code());
        }
        if (request.parentId() != null) {
            if (request.parentId().equals(id)) {
                throw ProblemException.conflict("a business unit cannot be its own parent");
            }
            if (units.findByIdOptional(request.parentId()).isEmpty()) {
                throw Problems.field("parentId", "no business unit has this id");
            }
            if (units.ancestors(request.parentId()).contains(id)) {
                throw ProblemException.conflict("parent " + request.parentId() + " lies below this unit: that would make a cycle");
            }
        }
        Instant now = now();
        mapper.apply(request, unit);
        unit.version++;
        unit.updatedAt = now;
        Problems.flushOrConflict(units::flush, "business_unit_code_unique", () -> codeConflict(request.code()));
        events.businessUnit(ContactEvents.BUSINESS_UNIT_UPDATED, unit, now);
        return Optional.of(mapper.toView(unit));
    }

    /** False when there is no such unit; 409 while contacts or sub-units reference it. */
    @Transactional
    public boolean deleteBusinessUnit(UUID id) {
        Optional<BusinessUnit> found = units.findByIdForUpdate(id);
        if (found.isEmpty()) {
            return false;
        }
        BusinessUnit unit = found.get();
        if (units.hasChildren(id)) {
            throw ProblemException.conflict("business unit " + unit.code + " still has sub-units; move or delete them first");
        }
        if (contacts.anyInBusinessUnit(id)) {
            throw ProblemException.conflict("business unit " + unit.code + " still has contacts; move them first");
        }
        events.businessUnit(ContactEvents.BUSINESS_UNIT_DELETED, unit, now());
        units.delete(unit);
        return true;
    }

    private static ProblemException codeConflict(String code) {
        return ProblemException.conflict("a business unit with code " + code.trim() + " already exists");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
