package io.rapport.contacts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** contacts-service settings ({@code rapport.contacts.*}). */
@ConfigMapping(prefix = "rapport.contacts")
public interface ContactsConfig {

    /** Most data rows one CSV import may hold (more: 413). */
    @WithName("import.max-rows")
    @WithDefault("50000")
    int importMaxRows();

    /** Rows written between two flushes of the persistence context during an import. */
    @WithName("import.flush-every")
    @WithDefault("500")
    int importFlushEvery();
}
