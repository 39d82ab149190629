create schema if not exists receivable;

-- Daily exchange rates: units of the company currency for one unit of `currency`, valid
-- from `rate_date` until the next entry. A document takes the latest rate on or before its
-- date and keeps it.
create table receivable.fx_rate (
    rate_date   date          not null,
    currency    char(3)       not null,
    rate        numeric(19, 8) not null check (rate > 0),
    entered_by  varchar(64)   not null,
    entered_at  timestamptz   not null,
    primary key (currency, rate_date)
);

-- Orders from the order system. Their open value (amount less the invoices naming them)
-- counts toward exposure while the order is OPEN.
create table receivable.sales_order (
    id             bigint generated always as identity primary key,
    external_id    varchar(100)   not null unique,
    customer_code  varchar(64)    not null,
    number         varchar(64)    not null unique,
    amount         numeric(19, 2) not null check (amount > 0),
    currency       char(3)        not null,
    fx_rate        numeric(19, 8) not null,
    order_date     date           not null,
    status         varchar(16)    not null,
    recorded_by    varchar(64)    not null,
    recorded_at    timestamptz    not null
);

create index sales_order_customer on receivable.sales_order (customer_code);

-- Invoices. Open amount = amount less the allocations in force; nothing here is patched
-- when money comes in.
create table receivable.invoice (
    id              bigint generated always as identity primary key,
    external_id     varchar(100)   not null unique,
    customer_code   varchar(64)    not null,
    number          varchar(64)    not null unique,
    order_number    varchar(64),
    amount          numeric(19, 2) not null check (amount > 0),
    currency        char(3)        not null,
    fx_rate         numeric(19, 8) not null,
    company_amount  numeric(19, 2) not null,
    issue_date      date           not null,
    due_date        date           not null,
    disputed        boolean        not null default false,
    dispute_reason  varchar(1000),
    disputed_on     date,
    disputed_by     varchar(64),
    written_off_on  date,
    recorded_by     varchar(64)    not null,
    recorded_at     timestamptz    not null,
    check (due_date >= issue_date)
);

create index invoice_customer on receivable.invoice (customer_code, due_date);
create index invoice_order on receivable.invoice (order_number) where order_number is not null;
create index invoice_issue on receivable.invoice (issue_date);

create table receivable.payment (
    id               bigint generated always as identity primary key,
    external_id      varchar(100)   not null unique,
    customer_code    varchar(64)    not null,
    amount           numeric(19, 2) not null check (amount > 0),
    currency         char(3)        not null,
    fx_rate          numeric(19, 8) not null,
    company_amount   numeric(19, 2) not null,
    received_date    date           not null,
    reference        varchar(200),
    requested_allocations text,
    reversed_on      date,
    reversal_reason  varchar(1000),
    reversed_by      varchar(64),
    recorded_by      varchar(64)    not null,
    recorded_at      timestamptz    not null
);

create index payment_customer on receivable.payment (customer_code, received_date);

create table receivable.credit_note (
    id              bigint generated always as identity primary key,
    external_id     varchar(100)   not null unique,
    customer_code   varchar(64)    not null,
    number          varchar(64)    not null unique,
    invoice_number  varchar(64),
    amount          numeric(19, 2) not null check (amount > 0),
    currency        char(3)        not null,
    fx_rate         numeric(19, 8) not null,
    company_amount  numeric(19, 2) not null,
    issue_date      date           not null,
    recorded_by     varchar(64)    not null,
    recorded_at     timestamptz    not null
);

create index credit_note_customer on receivable.credit_note (customer_code, issue_date);

-- A write-off of an invoice's open balance: FINANCE proposes, a credit manager (another
-- person) approves or rejects.
create table receivable.write_off (
    id            bigint generated always as identity primary key,
    invoice_id    bigint         not null references receivable.invoice (id),
    amount        numeric(19, 2) not null check (amount > 0),
    reason        varchar(1000)  not null,
    status        varchar(16)    not null,
    proposed_by   varchar(64)    not null,
    proposed_at   timestamptz    not null,
    decided_by    varchar(64),
    decided_at    timestamptz,
    decision_note varchar(1000)
);

create unique index write_off_one_pending on receivable.write_off (invoice_id) where status = 'PROPOSED';

-- What settles an invoice: part of a payment, of a credit note, or an approved write-off,
-- in the invoice's currency. In force from `effective_on`; a reversal sets `reversed_on`
-- and keeps the row, so aging as of an earlier date still sees it.
create table receivable.allocation (
    id              bigint generated always as identity primary key,
    invoice_id      bigint         not null references receivable.invoice (id),
    payment_id      bigint         references receivable.payment (id),
    credit_note_id  bigint         references receivable.credit_note (id),
    write_off_id    bigint         references receivable.write_off (id),
    amount          numeric(19, 2) not null check (amount > 0),
    effective_on    date           not null,
    reversed_on     date,
    check (num_nonnulls(payment_id, credit_note_id, write_off_id) = 1)
);

create index allocation_invoice on receivable.allocation (invoice_id);
create index allocation_payment on receivable.allocation (payment_id) where payment_id is not null;
create index allocation_credit_note on receivable.allocation (credit_note_id) where credit_note_id is not null;
