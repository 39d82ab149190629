-- Scoring models and their rating scales, versioned: DRAFT -> ACTIVE -> RETIRED, one ACTIVE
-- version per code. The whole model (factors, scoring functions, weights, missing-value
-- policies, rating scale, source) is stored as the JSON it is exported as; status and
-- activation live in columns, which win over the copy inside the JSON.
create schema if not exists assessment;

create table assessment.scoring_model (
    code          varchar(32)  not null,
    version       integer      not null check (version > 0),
    status        varchar(16)  not null check (status in ('DRAFT', 'ACTIVE', 'RETIRED')),
    name_zh       varchar(200) not null,
    name_en       varchar(200) not null,
    definition    jsonb        not null,
    created_at    timestamptz  not null,
    created_by    varchar(64)  not null,
    updated_at    timestamptz  not null,
    activated_at  timestamptz,
    activated_by  varchar(64),
    retired_at    timestamptz,
    primary key (code, version),
    check (status <> 'ACTIVE' or activated_at is not null)
);

create unique index scoring_model_one_active on assessment.scoring_model (code) where status = 'ACTIVE';
