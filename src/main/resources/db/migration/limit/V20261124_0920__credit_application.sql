-- Credit applications (授信申请) and the approval matrix that routes them. The schema is
-- shared by the limit module's parts.
create schema if not exists credit_limit;

-- The approval matrix, versioned: every save is a new version; the highest is in force.
-- A band's kind is AMOUNT (the resulting limit in company currency up to max_amount, no
-- maximum for the last band), HIGH_RISK (high-risk or unrated customers, any amount) or
-- DECREASE. Its steps read "ROLE:required,ROLE:required" in order.
create table credit_limit.approval_matrix (
    version     integer      not null primary key check (version > 0),
    note        varchar(1000),
    created_at  timestamptz  not null,
    created_by  varchar(64)  not null
);

create table credit_limit.approval_band (
    version     integer        not null references credit_limit.approval_matrix (version),
    position    integer        not null,
    kind        varchar(16)    not null check (kind in ('AMOUNT', 'HIGH_RISK', 'DECREASE')),
    max_amount  numeric(19, 2) check (max_amount is null or max_amount > 0),
    steps       varchar(500)   not null,
    primary key (version, position)
);

create table credit_limit.credit_application (
    id                    bigint generated always as identity primary key,
    customer_code         varchar(64)    not null,
    customer_name         varchar(300)   not null,
    type                  varchar(16)    not null check (type in ('NEW', 'INCREASE', 'DECREASE', 'RENEWAL', 'TEMPORARY')),
    amount                numeric(19, 2) not null check (amount > 0),
    currency              char(3)        not null,
    terms_days            integer        not null check (terms_days >= 0),
    valid_to              date,
    effective_from        date,
    reason                varchar(2000)  not null,
    status                varchar(16)    not null check (status in ('IN_APPROVAL', 'RETURNED', 'APPROVED', 'REJECTED', 'CANCELLED')),
    rated                 boolean        not null,
    grade                 varchar(8),
    risk_class            varchar(8),
    current_limit         numeric(19, 2),
    rec_amount            numeric(19, 2) not null,
    rec_currency          char(3)        not null,
    rec_terms_days        integer        not null,
    rec_max_terms_days    integer        not null,
    grade_maximum         numeric(19, 2) not null,
    rec_basis_zh          varchar(2000)  not null,
    rec_basis_en          varchar(2000)  not null,
    routing_amount        numeric(19, 2) not null,
    matrix_version        integer        not null,
    round                 integer        not null default 1,
    current_level         integer,
    step_since            timestamptz,
    requested_by          varchar(64)    not null,
    created_at            timestamptz    not null,
    submitted_at          timestamptz    not null,
    decided_at            timestamptz,
    row_version           integer        not null default 0
);

create index credit_application_customer on credit_limit.credit_application (customer_code, id);
create index credit_application_status on credit_limit.credit_application (status, id);
-- one open application per customer at a time
create unique index credit_application_one_open on credit_limit.credit_application (customer_code)
    where status in ('IN_APPROVAL', 'RETURNED');

-- The route of each submission (round): steps in order.
create table credit_limit.application_step (
    application_id  bigint       not null references credit_limit.credit_application (id),
    round           integer      not null,
    level           integer      not null,
    role            varchar(32)  not null,
    required        integer      not null check (required > 0),
    status          varchar(16)  not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'RETURNED', 'SKIPPED')),
    reminded_at     timestamptz,
    primary key (application_id, round, level)
);

create table credit_limit.application_decision (
    id              bigint generated always as identity primary key,
    application_id  bigint        not null references credit_limit.credit_application (id),
    round           integer       not null,
    level           integer       not null,
    username        varchar(64)   not null,
    decision        varchar(16)   not null check (decision in ('APPROVE', 'REJECT', 'RETURN')),
    comment         varchar(2000),
    at              timestamptz   not null
);

create index application_decision_application on credit_limit.application_decision (application_id, id);
-- nobody approves two steps of one submission, nor twice in one step
create unique index application_decision_one_approval on credit_limit.application_decision (application_id, round, username)
    where decision = 'APPROVE';

create table credit_limit.application_attachment (
    id              bigint generated always as identity primary key,
    application_id  bigint        not null references credit_limit.credit_application (id),
    file_name       varchar(255)  not null,
    content_type    varchar(100)  not null,
    size_bytes      integer       not null check (size_bytes >= 0),
    content         bytea         not null,
    uploaded_by     varchar(64)   not null,
    uploaded_at     timestamptz   not null
);

create index application_attachment_application on credit_limit.application_attachment (application_id, id);

-- In-app reminders: one row per approver and reminder.
create table credit_limit.application_notification (
    id              bigint generated always as identity primary key,
    username        varchar(64)   not null,
    application_id  bigint        not null references credit_limit.credit_application (id),
    level           integer       not null,
    created_at      timestamptz   not null,
    read_at         timestamptz
);

create index application_notification_user on credit_limit.application_notification (username, id);

insert into credit_limit.approval_matrix (version, note, created_at, created_by)
values (1, 'Default matrix', now(), 'system');

insert into credit_limit.approval_band (version, position, kind, max_amount, steps) values
    (1, 1, 'DECREASE', null, 'CREDIT_ANALYST:1'),
    (1, 2, 'HIGH_RISK', null, 'CREDIT_ANALYST:1,CREDIT_MANAGER:1,COMMITTEE_MEMBER:2'),
    (1, 3, 'AMOUNT', 500000.00, 'CREDIT_ANALYST:1'),
    (1, 4, 'AMOUNT', 2000000.00, 'CREDIT_ANALYST:1,CREDIT_MANAGER:1'),
    (1, 5, 'AMOUNT', null, 'CREDIT_ANALYST:1,CREDIT_MANAGER:1,COMMITTEE_MEMBER:2');
