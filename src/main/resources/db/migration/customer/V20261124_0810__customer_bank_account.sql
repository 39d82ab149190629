-- The customer's own bank accounts (IBAN or the bank's account number, without spaces,
-- upper case): a receipt from one of them is the customer's payment.
create table customer.bank_account (
    id              bigint generated always as identity primary key,
    customer_id     bigint       not null references customer.customer (id),
    account_number  varchar(34)  not null,
    bank_name       varchar(200),
    added_by        varchar(64)  not null,
    added_at        timestamptz  not null,
    unique (customer_id, account_number)
);

create index bank_account_number on customer.bank_account (account_number);
