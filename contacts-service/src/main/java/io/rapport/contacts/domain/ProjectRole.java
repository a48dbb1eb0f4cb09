package io.rapport.contacts.domain;

public enum ProjectRole {
    SPONSOR, APPROVER, IMPACTED_LEAD, SUBJECT_MATTER_EXPERT, OTHER
}
