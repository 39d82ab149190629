create schema if not exists customer;

-- A group (集团): customers under one parent whose credit is seen together.
create table customer.customer_group (
    id          bigint generated always as identity primary key,
    code        varchar(64)  not null unique,
    name        varchar(300) not null,
    created_at  timestamptz  not null
);

create table customer.customer (
    id                          bigint generated always as identity primary key,
    code                        varchar(64)  not null unique,
    name                        varchar(300) not null,
    short_name                  varchar(100),
    uscc                        varchar(64),
    country                     char(2)      not null,
    region                      varchar(100),
    industry                    char(1),
    registered_capital          numeric(20, 2),
    registered_capital_currency char(3),
    founded_on                  date,
    employees                   integer,
    ownership_type              varchar(32),
    group_id                    bigint references customer.customer_group (id),
    owner_username              varchar(64),
    analyst_username            varchar(64),
    status                      varchar(16)  not null,
    tags                        text[]       not null default '{}',
    grade                       varchar(4),
    risk_class                  varchar(8),
    created_at                  timestamptz  not null,
    updated_at                  timestamptz  not null,
    version                     bigint       not null default 0
);

create index customer_owner on customer.customer (owner_username);
create index customer_uscc on customer.customer (uscc);
create index customer_group_member on customer.customer (group_id);
create index customer_lower_name on customer.customer (lower(name));

create table customer.blacklist_entry (
    id              bigint generated always as identity primary key,
    customer_id     bigint       not null references customer.customer (id),
    uscc            varchar(64),
    name            varchar(300) not null,
    reason          text         not null,
    evidence        text,
    expires_on      date,
    added_by        varchar(64)  not null,
    added_at        timestamptz  not null,
    removed_by      varchar(64),
    removed_at      timestamptz,
    removal_reason  text
);

create index blacklist_entry_customer on customer.blacklist_entry (customer_id);
create index blacklist_entry_active_uscc on customer.blacklist_entry (uscc) where removed_at is null;
create index blacklist_entry_active_name on customer.blacklist_entry (lower(name)) where removed_at is null;
