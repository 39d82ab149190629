-- Credit lines (授信额度). The schema is shared by the limit module's parts; the policy
-- part creates it too.
create schema if not exists credit_limit;

-- One row per line a customer was ever granted; a NEW line after an expired one is a
-- new row. What the line says on a day lives in its versions.
create table credit_limit.credit_line (
    id             bigint generated always as identity primary key,
    customer_code  varchar(64)  not null,
    created_at     timestamptz  not null,
    created_by     varchar(64)  not null
);

create index credit_line_customer on credit_limit.credit_line (customer_code, id);

-- Every change to a line, append-only, in valid time: the version in force on a day is
-- the one with the latest effective_from on or before it (the latest recorded wins a
-- tie). Each row is the whole line as it stands from effective_from.
create table credit_limit.credit_line_version (
    id                    bigint generated always as identity primary key,
    line_id               bigint        not null references credit_limit.credit_line (id),
    effective_from        date          not null,
    recorded_at           timestamptz   not null,
    recorded_by           varchar(64)   not null,
    change                varchar(32)   not null,
    limit_amount          numeric(19,2) not null check (limit_amount >= 0),
    currency              char(3)       not null,
    terms_days            integer       not null check (terms_days >= 0),
    valid_from            date          not null,
    valid_to              date,
    suspended             boolean       not null default false,
    suspended_reason      varchar(1000),
    required_cover_ratio  numeric(7,4),
    application_id        bigint,
    reason                varchar(1000)
);

create index credit_line_version_line on credit_limit.credit_line_version (line_id, effective_from, id);

-- Temporary increases: an extra amount from valid_from to valid_to (both inclusive),
-- in force by their dates alone; nothing has to run for one to lapse.
create table credit_limit.temporary_increase (
    id              bigint generated always as identity primary key,
    line_id         bigint        not null references credit_limit.credit_line (id),
    amount          numeric(19,2) not null check (amount > 0),
    valid_from      date          not null,
    valid_to        date          not null,
    application_id  bigint,
    recorded_at     timestamptz   not null,
    recorded_by     varchar(64)   not null,
    check (valid_to >= valid_from)
);

create index temporary_increase_line on credit_limit.temporary_increase (line_id, valid_to);
