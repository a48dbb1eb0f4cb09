package io.rapport.contacts.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.contacts.domain.BusinessUnit;
import io.rapport.contacts.rest.dto.BusinessUnitRequest;
import io.rapport.contacts.rest.dto.BusinessUnitView;

@ApplicationScoped
public class BusinessUnitMapper {

    public BusinessUnitView toView(BusinessUnit unit) {
        return new BusinessUnitView(unit.id, unit.code, unit.name, unit.parentId, unit.version, unit.createdAt,
            unit.updatedAt);
    }

    public void apply(BusinessUnitRequest request, BusinessUnit unit) {
        unit.code = request.code().trim();
        unit.name = request.name().trim();
        unit.parentId = request.parentId();
    }
}
