package io.rapport.contacts.mapping;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.contacts.domain.ProjectRole;
import io.rapport.contacts.domain.StakeholderRole;
import io.rapport.contacts.rest.dto.StakeholderRoleRequest;
import io.rapport.contacts.rest.dto.StakeholderRoleView;

@ApplicationScoped
public class StakeholderRoleMapper {

    public StakeholderRoleView toView(StakeholderRole r, LocalDate today) {
        return new StakeholderRoleView(r.id, r.contactId, r.projectCode, r.projectName, r.role, r.startDate, r.endDate,
            r.isOpen(today), r.version);
    }

    public void apply(StakeholderRoleRequest request, StakeholderRole r) {
        r.projectCode = request.projectCode().trim();
        r.projectName = request.projectName().trim();
        r.role = ProjectRole.valueOf(request.role());
        r.startDate = request.startDate();
        r.endDate = request.endDate();
    }
}
