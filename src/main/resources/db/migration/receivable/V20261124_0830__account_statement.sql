-- Account statements (对账单) sent to customers for confirmation. The issued PDF is kept
-- byte for byte with its SHA-256, so what the customer confirmed or disputed can always
-- be shown again, whatever was recorded in the ledger afterwards.
create table receivable.account_statement (
    id                bigint generated always as identity primary key,
    customer_code     varchar(64)    not null,
    period_from       date           not null,
    period_to         date           not null,
    language          varchar(8)     not null,
    company_currency  char(3)        not null,
    company_opening   numeric(19, 2) not null,
    company_closing   numeric(19, 2) not null,
    issued_by         varchar(64)    not null,
    issued_at         timestamptz    not null,
    pdf               bytea          not null,
    pdf_sha256        char(64)       not null,
    status            varchar(16)    not null default 'ISSUED' check (status in ('ISSUED', 'CONFIRMED', 'DISPUTED')),
    reply_note        varchar(2000),
    replied_by        varchar(64),
    replied_at        timestamptz,
    check (period_to >= period_from)
);

create index account_statement_customer on receivable.account_statement (customer_code, period_to desc);

-- Opening and closing balance per document currency, as issued.
create table receivable.account_statement_balance (
    statement_id  bigint         not null references receivable.account_statement (id),
    currency      char(3)        not null,
    opening       numeric(19, 2) not null,
    closing       numeric(19, 2) not null,
    fx_rate       numeric(19, 8) not null,
    primary key (statement_id, currency)
);

-- The lines as issued, numbered as printed; the customer disputes lines by number.
create table receivable.account_statement_line (
    statement_id     bigint         not null references receivable.account_statement (id),
    line_no          int            not null,
    entry_date       date           not null,
    kind             varchar(24)    not null,
    currency         char(3)        not null,
    reference        varchar(200)   not null,
    debit            numeric(19, 2) not null,
    credit           numeric(19, 2) not null,
    balance          numeric(19, 2) not null,
    disputed         boolean        not null default false,
    dispute_comment  varchar(1000),
    primary key (statement_id, line_no)
);
