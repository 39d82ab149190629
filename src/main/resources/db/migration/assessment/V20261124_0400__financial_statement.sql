-- Financial statements (财务报表) of customers, one per customer, period end and period
-- type. Lines are in 元 of the statement's currency whatever unit they were entered in;
-- the unit is kept to show them as entered. Ratios are derived when read, not stored.
-- The customer is referenced by its code: modules share no foreign keys.
create schema if not exists assessment;

create table assessment.financial_statement (
    id                      bigint generated always as identity primary key,
    customer_code           varchar(64)    not null,
    period_end              date           not null,
    period_type             varchar(16)    not null check (period_type in ('ANNUAL', 'QUARTERLY')),
    currency                char(3)        not null,
    unit                    varchar(16)    not null check (unit in ('YUAN', 'THOUSAND', 'TEN_THOUSAND')),
    audited                 boolean        not null,
    cash                    numeric(20, 2),
    receivables             numeric(20, 2),
    inventory               numeric(20, 2),
    current_assets          numeric(20, 2),
    total_assets            numeric(20, 2),
    current_liabilities     numeric(20, 2),
    total_liabilities       numeric(20, 2),
    equity                  numeric(20, 2),
    revenue                 numeric(20, 2),
    cost_of_sales           numeric(20, 2),
    operating_profit        numeric(20, 2),
    net_profit              numeric(20, 2),
    interest_expense        numeric(20, 2),
    operating_cash_flow     numeric(20, 2),
    retained_earnings       numeric(20, 2),
    ebit                    numeric(20, 2),
    -- why a balance sheet outside the 0.5% tolerance was recorded all the same
    balance_override_reason varchar(1000),
    created_by              varchar(64)    not null,
    created_at              timestamptz    not null,
    constraint financial_statement_period unique (customer_code, period_end, period_type)
);
