-- Stay in touch and stakeholder mapping (issue 17): how often the PMO means to engage the contact, and
-- its influence, interest and stance. All optional; cleared by erasure (judgements about a person are
-- personal data).
alter table contact
    add column cadence_days integer,
    add column influence    varchar(10),
    add column interest     varchar(10),
    add column stance       varchar(10),
    add constraint contact_cadence_days_range check (cadence_days is null or cadence_days between 1 and 365),
    add constraint contact_influence_check check (influence is null or influence in ('LOW', 'MEDIUM', 'HIGH')),
    add constraint contact_interest_check check (interest is null or interest in ('LOW', 'MEDIUM', 'HIGH')),
    add constraint contact_stance_check check (stance is null
        or stance in ('CHAMPION', 'SUPPORTER', 'NEUTRAL', 'SCEPTIC', 'RESISTOR')),
    add constraint contact_erased_has_no_mapping check (status <> 'ERASED' or (cadence_days is null
        and influence is null and interest is null and stance is null));
