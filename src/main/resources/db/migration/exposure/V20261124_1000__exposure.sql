-- Exposure (信用敞口): one row per customer with everything a credit check reads, so a check
-- is one locked read of one row. Kept by the exposure module's listeners as documents,
-- lines, ratings and the credit file change, and compared with a recomputation from the
-- other modules by the reconciliation job. Amounts in company currency.
--
-- The receivable side is stored in a form that stays true as days pass: open invoices
-- summed per due date, open orders summed per delivery date (null: not said). What is
-- overdue, and by how long, is worked out on the day of the check.
create schema if not exists exposure;

create table exposure.position (
    customer_code       varchar(64)    primary key,
    group_code          varchar(64),
    owner_username      varchar(64),
    customer_status     varchar(16)    not null,
    blacklisted         boolean        not null default false,
    blacklisted_until   date,
    grade               varchar(8),
    risk_class          varchar(8),
    next_review_date    date,
    -- the credit line as of the refresh, converted into company currency at that day's rate
    line_currency       char(3),
    line_limit          numeric(19, 2),
    line_status         varchar(16),
    line_valid_from     date,
    line_valid_to       date,
    increase_amounts    numeric(19, 2)[] not null default '{}',
    increase_from       date[]           not null default '{}',
    increase_to         date[]           not null default '{}',
    -- the receivable side
    due_dates           date[]           not null default '{}',
    due_amounts         numeric(19, 2)[] not null default '{}',
    order_dates         date[]           not null default '{}',
    order_amounts       numeric(19, 2)[] not null default '{}',
    unapplied_cash      numeric(19, 2)   not null default 0,
    oldest_open_issue   date,
    -- what approved and warned credit checks hold back
    reserved            numeric(19, 2)   not null default 0,
    refreshed_at        timestamptz      not null
);

create index position_group on exposure.position (group_code) where group_code is not null;

-- A customer group's limit, locked before its members' rows by a check of a member.
create table exposure.group_position (
    group_code    varchar(64)    primary key,
    limit_amount  numeric(19, 2),
    currency      char(3)        not null,
    refreshed_at  timestamptz    not null
);

-- The credit check rules, versioned; the latest version is in force.
create table exposure.check_rules (
    version     int            primary key,
    rules       jsonb          not null,
    note        varchar(1000),
    created_by  varchar(64)    not null,
    created_at  timestamptz    not null
);

-- The current credit check of each order, with what it reserves. A re-check for another
-- amount replaces it; the replaced one is kept in credit_check_history.
create table exposure.credit_check (
    id               bigint generated always as identity primary key,
    order_ref        varchar(64)    not null unique,
    customer_code    varchar(64)    not null,
    amount           numeric(19, 2) not null check (amount > 0),
    currency         char(3)        not null,
    company_amount   numeric(19, 2) not null,
    decision         varchar(8)     not null,
    reasons          jsonb          not null,
    exposure         numeric(19, 2) not null,
    limit_amount     numeric(19, 2),
    available        numeric(19, 2),
    reserved         numeric(19, 2) not null default 0,
    reservation      varchar(10)    not null,
    expires_on       date,
    checked_at       timestamptz    not null,
    checked_by       varchar(64)    not null,
    closed_at        timestamptz,
    closed_by        varchar(64)
);

create index credit_check_customer on exposure.credit_check (customer_code, checked_at desc);
create index credit_check_expiring on exposure.credit_check (expires_on) where reservation = 'ACTIVE';

create table exposure.credit_check_history (
    id               bigint generated always as identity primary key,
    check_id         bigint         not null references exposure.credit_check (id),
    amount           numeric(19, 2) not null,
    currency         char(3)        not null,
    company_amount   numeric(19, 2) not null,
    decision         varchar(8)     not null,
    reasons          jsonb          not null,
    exposure         numeric(19, 2) not null,
    limit_amount     numeric(19, 2),
    available        numeric(19, 2),
    reserved         numeric(19, 2) not null,
    reservation      varchar(10)    not null,
    checked_at       timestamptz    not null,
    checked_by       varchar(64)    not null,
    replaced_at      timestamptz    not null
);

create index credit_check_history_check on exposure.credit_check_history (check_id);

-- The credit-hold queue (信用冻结): every blocked check waits here for a credit manager.
create table exposure.credit_hold (
    id               bigint generated always as identity primary key,
    check_id         bigint         not null references exposure.credit_check (id),
    order_ref        varchar(64)    not null,
    customer_code    varchar(64)    not null,
    amount           numeric(19, 2) not null,
    currency         char(3)        not null,
    company_amount   numeric(19, 2) not null,
    reasons          jsonb          not null,
    status           varchar(10)    not null,
    held_at          timestamptz    not null,
    decided_by       varchar(64),
    decided_at       timestamptz,
    decision_reason  varchar(1000),
    excess_amount    numeric(19, 2),
    excess_until     date
);

create unique index credit_hold_pending on exposure.credit_hold (check_id) where status = 'PENDING';
create index credit_hold_queue on exposure.credit_hold (status, held_at);
create index credit_hold_customer on exposure.credit_hold (customer_code, held_at desc);
