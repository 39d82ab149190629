-- Collateral and guarantees behind a customer's credit line. Released ones stay, with
-- who released them, when and why.
create table credit_limit.collateral (
    id              bigint generated always as identity primary key,
    customer_code   varchar(64)   not null,
    type            varchar(32)   not null check (type in ('DEPOSIT', 'BANK_GUARANTEE', 'MORTGAGE',
                                                   'THIRD_PARTY_GUARANTEE', 'CREDIT_INSURANCE')),
    value           numeric(19,2) not null check (value > 0),
    currency        char(3)       not null,
    haircut_percent numeric(5,2)  not null check (haircut_percent >= 0 and haircut_percent <= 100),
    valid_from      date          not null,
    valid_to        date,
    provider        varchar(200)  not null,
    reference       varchar(100),
    note            varchar(1000),
    added_at        timestamptz   not null,
    added_by        varchar(64)   not null,
    released_on     date,
    released_at     timestamptz,
    released_by     varchar(64),
    release_reason  varchar(1000),
    check (valid_to is null or valid_to >= valid_from)
);

create index collateral_customer on credit_limit.collateral (customer_code, id);
