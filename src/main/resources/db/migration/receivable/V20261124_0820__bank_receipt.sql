-- Money received on the company's bank account, one row per credit line (per transaction
-- of a batch entry) of an imported statement. `line_key` identifies the line within its
-- statement, so importing the same statement again adds nothing, while identical lines
-- that are genuinely distinct (same payer, amount and day) keep their own keys.
-- A receipt is MATCHED (or ASSIGNED by hand) once it became the payment
-- `payment_external_id`; UNMATCHED ones wait in the queue with a reason; DISMISSED ones
-- were no customer's payment.
create table receivable.bank_receipt (
    id                   bigint generated always as identity primary key,
    line_key             varchar(64)    not null unique,
    statement_account    varchar(64)    not null,
    statement_reference  varchar(100),
    format               varchar(32)    not null,
    booking_date         date           not null,
    value_date           date,
    amount               numeric(19, 2) not null check (amount > 0),
    currency             char(3)        not null,
    payer_name           varchar(300),
    payer_account        varchar(64),
    remittance           varchar(2000),
    end_to_end_id        varchar(100),
    bank_reference       varchar(100),
    status               varchar(16)    not null,
    match_method         varchar(16),
    reason_code          varchar(32),
    reason_detail        varchar(500),
    customer_code        varchar(64),
    invoice_numbers      varchar(1000),
    payment_external_id  varchar(100),
    dismissal_reason     varchar(1000),
    imported_by          varchar(64)    not null,
    imported_at          timestamptz    not null,
    decided_by           varchar(64),
    decided_at           timestamptz
);

create index bank_receipt_status on receivable.bank_receipt (status, booking_date);
