-- The credit policy (授信政策), versioned like the scoring models: DRAFT -> ACTIVE -> RETIRED,
-- one ACTIVE and at most one DRAFT version at a time. A version's rules say per grade (and
-- optionally per risk class and/or industry) the largest limit, the formula of the
-- recommended limit, the payment terms, the collateral required, and whether credit is
-- allowed at all. The schema is credit_limit because LIMIT is a reserved word in SQL.
create schema if not exists credit_limit;

create table credit_limit.policy_version (
    version       integer      not null primary key check (version > 0),
    status        varchar(16)  not null check (status in ('DRAFT', 'ACTIVE', 'RETIRED')),
    note          varchar(2000),
    created_at    timestamptz  not null,
    created_by    varchar(64)  not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(64)  not null,
    activated_at  timestamptz,
    activated_by  varchar(64),
    retired_at    timestamptz,
    check (status <> 'ACTIVE' or activated_at is not null)
);

create unique index policy_version_one_active on credit_limit.policy_version (status) where status = 'ACTIVE';
create unique index policy_version_one_draft on credit_limit.policy_version (status) where status = 'DRAFT';

create table credit_limit.policy_rule (
    version              integer        not null references credit_limit.policy_version (version) on delete cascade,
    position             integer        not null,
    grade                varchar(8)     not null,
    risk_class           varchar(8),
    industry             char(1),
    credit_allowed       boolean        not null,
    maximum              numeric(19, 2) not null check (maximum >= 0),
    formula              varchar(1000)  not null,
    default_terms_days   integer        not null check (default_terms_days >= 0),
    max_terms_days       integer        not null check (max_terms_days >= default_terms_days),
    collateral_required  boolean        not null,
    cover_ratio          numeric(7, 4)  check (cover_ratio is null or cover_ratio > 0),
    primary key (version, position)
);

create unique index policy_rule_one_per_scope
    on credit_limit.policy_rule (version, grade, coalesce(risk_class, ''), coalesce(industry, ''));
