create schema if not exists integration;

-- Imports running in the background. Progress is written in short transactions of its own
-- while the import's single transaction writes the data; a job still RUNNING when the
-- application starts was interrupted, and its data transaction rolled back with it.
create table integration.import_job (
    id           uuid          primary key,
    kind         varchar(40)   not null,
    mode         varchar(10)   not null,
    file_name    varchar(300),
    file_sha256  char(64)      not null,
    file_size    bigint        not null,
    status       varchar(16)   not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    rows_total   integer,
    rows_done    integer       not null default 0,
    report       jsonb,
    failure_code varchar(100),
    failure_detail varchar(2000),
    created_by   varchar(64)   not null,
    created_at   timestamptz   not null,
    finished_at  timestamptz
);

create index import_job_running on integration.import_job (created_at) where status = 'RUNNING';
