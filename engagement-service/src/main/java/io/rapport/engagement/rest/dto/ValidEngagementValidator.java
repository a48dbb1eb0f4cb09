package io.rapport.engagement.rest.dto;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class ValidEngagementValidator implements ConstraintValidator<ValidEngagement, EngagementRequest> {

    @Override
    public boolean isValid(EngagementRequest request, ConstraintValidatorContext context) {
        if (request == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        if (request.startAt() != null && request.endAt() != null && request.endAt().isBefore(request.startAt())) {
            valid = violation(context, "endAt", "must not be before startAt");
        }
        if (request.type() != null && request.type().longRunning() && request.endAt() == null) {
            valid = violation(context, "endAt", "is required for type " + request.type());
        }
        if (request.type() != null && !request.type().longRunning()) {
            if (request.hoursPledged() != null) {
                valid = violation(context, "hoursPledged", "is only for SECONDMENT, SHADOWING and ON_THE_JOB_TRAINING");
            }
            if (request.hoursDelivered() != null) {
                valid = violation(context, "hoursDelivered", "is only for SECONDMENT, SHADOWING and ON_THE_JOB_TRAINING");
            }
        }
        return duplicates(request.participants(), context) && valid;
    }

    static boolean duplicates(List<ParticipantRequest> participants, ConstraintValidatorContext context) {
        if (participants == null) {
            return true;
        }
        boolean valid = true;
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < participants.size(); i++) {
            ParticipantRequest participant = participants.get(i);
            if (participant != null && participant.contactId() != null && !seen.add(participant.contactId())) {
                context.buildConstraintViolationWithTemplate("names a contact already listed")
                    .addPropertyNode("participants")
                    .addPropertyNode("contactId").inIterable().atIndex(i)
                    .addConstraintViolation();
                valid = false;
            }
        }
        return valid;
    }

    private static boolean violation(ConstraintValidatorContext context, String field, String message) {
        context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
