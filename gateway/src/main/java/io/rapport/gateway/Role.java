package io.rapport.gateway;

import java.util.Set;

/** The three roles, from least to most powerful; each includes the ones before it. */
public enum Role {
    VIEWER("rapport-viewer"),
    EDITOR("rapport-editor"),
    ADMIN("rapport-admin");

    public final String group;

    Role(String group) {
        this.group = group;
    }

    /** True when the groups of a token grant this role (directly or through a stronger one). */
    public boolean grantedBy(Set<String> groups) {
        for (Role r : values()) {
            if (r.ordinal() >= ordinal() && groups.contains(r.group)) {
                return true;
            }
        }
        return false;
    }
}
