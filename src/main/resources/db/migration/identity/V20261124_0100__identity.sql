create schema if not exists identity;

create table identity.user_account (
    id             bigint generated always as identity primary key,
    username       varchar(64)  not null unique,
    display_name   varchar(200) not null,
    email          varchar(320),
    password_hash  varchar(200) not null,
    roles          text[]       not null,
    enabled        boolean      not null default true,
    locale         varchar(16),
    amount_unit    varchar(16)  not null default 'YUAN',
    failed_logins  integer      not null default 0,
    locked_until   timestamptz,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);

create table identity.api_token (
    id            bigint generated always as identity primary key,
    username      varchar(64)  not null references identity.user_account (username),
    name          varchar(100) not null,
    token_hash    char(64)     not null unique,
    prefix        varchar(16)  not null,
    expires_on    date,
    created_at    timestamptz  not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

-- The audit trail: numbered without gaps, each entry hashed with its predecessor's hash.
create table identity.audit_entry (
    seq           bigint       primary key,
    at            timestamptz  not null,
    actor         varchar(64)  not null,
    subject       varchar(200),
    entity_type   varchar(64)  not null,
    entity_id     varchar(200) not null,
    action        varchar(64)  not null,
    before_state  text,
    after_state   text,
    reason        text,
    prev_hash     char(64)     not null,
    hash          char(64)     not null
);

create index audit_entry_subject on identity.audit_entry (subject, seq);
create index audit_entry_entity on identity.audit_entry (entity_type, entity_id, seq);
create index audit_entry_actor on identity.audit_entry (actor, seq);

-- Append-only: the application never changes or removes an entry; neither may anyone else
-- without disabling this trigger, and the hash chain shows what they did then.
create function identity.refuse_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end
$$;

create trigger audit_entry_append_only before update or delete on identity.audit_entry
    for each row execute function identity.refuse_audit_change();
create trigger audit_entry_no_truncate before truncate on identity.audit_entry
    for each statement execute function identity.refuse_audit_change();
