package io.rapport.engagement.rest.dto;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The rules of an engagement that span fields: end not before start, end required for long-running
 * types, hours only for long-running types, each contact once. Each violation names its field.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidEngagementValidator.class)
public @interface ValidEngagement {

    String message() default "invalid engagement";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
