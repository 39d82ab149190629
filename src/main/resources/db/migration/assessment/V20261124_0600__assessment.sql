create schema if not exists assessment;

-- An assessment as it was made: the facts and answers it used, the model and version, the
-- score, the grade with its PD, risk class and review date, every factor and the reasons.
-- grade, pd, risk_class and next_review_date are the ones in effect: the model's, or an
-- approved override's (model_grade keeps the model's).
create table assessment.assessment (
    id                bigint generated always as identity primary key,
    customer_code     varchar(64)   not null,
    model_code        varchar(64)   not null,
    model_version     integer       not null,
    score             numeric(9, 2) not null,
    model_grade       varchar(4)    not null,
    grade             varchar(4)    not null,
    pd                numeric(9, 6) not null,
    risk_class        varchar(8)    not null,
    next_review_date  date          not null,
    status            varchar(24)   not null,
    facts             jsonb         not null,
    qualitative       jsonb         not null,
    factors           jsonb         not null,
    reasons           jsonb         not null,
    assessed_on       date          not null,
    assessed_at       timestamptz   not null,
    assessed_by       varchar(64)   not null,
    batch_run_id      bigint,
    override_grade    varchar(4),
    override_reason   varchar(2000),
    proposed_by       varchar(64),
    proposed_at       timestamptz,
    decided_by        varchar(64),
    decided_at        timestamptz,
    decision          varchar(16),
    decision_comment  varchar(2000),
    constraint assessment_status check (status in ('APPROVED', 'OVERRIDE_PROPOSED', 'OVERRIDDEN'))
);

create index assessment_customer on assessment.assessment (customer_code, id desc);

-- The review queue: one row per customer, kept from the customer module's events and from
-- each assessment; never read from the customer module's tables.
create table assessment.customer_review (
    customer_code     varchar(64)   primary key,
    customer_name     varchar(300)  not null,
    owner_username    varchar(64),
    status            varchar(16)   not null,
    assessment_id     bigint,
    model_code        varchar(64),
    grade             varchar(4),
    score             numeric(9, 2),
    assessed_on       date,
    next_review_date  date
);

create index customer_review_due on assessment.customer_review (next_review_date)
    where status in ('ACTIVE', 'PROSPECT');
create index customer_review_owner on assessment.customer_review (owner_username);
create index customer_review_model on assessment.customer_review (model_code);

-- A batch re-assessment and its progress. At most one runs at a time, across all
-- application instances: the partial unique index refuses a second RUNNING row.
create table assessment.batch_run (
    id           bigint generated always as identity primary key,
    trigger      varchar(24)  not null,
    model_code   varchar(64),
    status       varchar(16)  not null,
    total        integer      not null default 0,
    done         integer      not null default 0,
    failed       integer      not null default 0,
    skipped      integer      not null default 0,
    started_by   varchar(64)  not null,
    started_at   timestamptz  not null,
    heartbeat_at timestamptz  not null,
    finished_at  timestamptz,
    constraint batch_run_status check (status in ('RUNNING', 'COMPLETED', 'FAILED'))
);

create unique index batch_run_one_running on assessment.batch_run ((true)) where status = 'RUNNING';

create table assessment.batch_run_failure (
    run_id         bigint        not null references assessment.batch_run (id),
    customer_code  varchar(64)   not null,
    message        varchar(2000) not null,
    failed_at      timestamptz   not null
);

create index batch_run_failure_run on assessment.batch_run_failure (run_id);

-- ShedLock: the nightly re-assessment runs on one instance only.
create table assessment.shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
