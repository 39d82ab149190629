-- The satellite records of a credit file: contact persons, the communication log,
-- documents, external credit reports and peer or supplier feedback.

-- Contact persons. name, phone and email hold only ciphertext ("v1:..."): personal data
-- is encrypted by the application before it reaches the database.
create table customer.contact (
    id                   bigint generated always as identity primary key,
    customer_id          bigint       not null references customer.customer (id),
    name                 text         not null,
    title                varchar(100),
    phone                text,
    email                text,
    is_primary           boolean      not null default false,
    consent_given_on     date,
    consent_purpose      varchar(500),
    consent_withdrawn_on date,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null
);

create index contact_customer on customer.contact (customer_id);
create unique index contact_one_primary on customer.contact (customer_id) where is_primary;

-- The communication log (回访记录). A deleted contact leaves its communications in place.
create table customer.communication (
    id                bigint generated always as identity primary key,
    customer_id       bigint        not null references customer.customer (id),
    occurred_on       date          not null,
    channel           varchar(16)   not null,
    contact_id        bigint        references customer.contact (id) on delete set null,
    summary           varchar(4000) not null,
    next_follow_up_on date,
    author            varchar(64)   not null,
    created_at        timestamptz   not null
);

create index communication_customer on customer.communication (customer_id, occurred_on desc, id desc);

-- Documents of the credit file. The content lives on disk under
-- <data-dir>/documents/<customer id>/<storage_key>; deletion is soft and keeps the file.
create table customer.document (
    id               bigint generated always as identity primary key,
    customer_id      bigint        not null references customer.customer (id),
    type             varchar(32)   not null,
    title            varchar(200)  not null,
    file_name        varchar(255)  not null,
    content_type     varchar(100)  not null,
    size_bytes       bigint        not null,
    sha256           char(64)      not null,
    storage_key      varchar(64)   not null unique,
    uploaded_by      varchar(64)   not null,
    uploaded_at      timestamptz   not null,
    deleted_by       varchar(64),
    deleted_at       timestamptz,
    deletion_reason  varchar(500)
);

create index document_customer on customer.document (customer_id) where deleted_at is null;

-- External credit reports (中诚信, Dun & Bradstreet, 企查查 …).
create table customer.external_report (
    id           bigint generated always as identity primary key,
    customer_id  bigint         not null references customer.customer (id),
    agency       varchar(100)   not null,
    report_date  date           not null,
    score        numeric(10, 2),
    rating       varchar(20),
    lawsuits     integer        not null default 0 check (lawsuits >= 0),
    summary      varchar(4000),
    document_id  bigint         references customer.document (id),
    recorded_by  varchar(64)    not null,
    recorded_at  timestamptz    not null
);

create index external_report_customer on customer.external_report (customer_id, report_date desc);

-- What peers and suppliers tell about the customer's payment behaviour.
create table customer.feedback (
    id                  bigint generated always as identity primary key,
    customer_id         bigint         not null references customer.customer (id),
    source_type         varchar(16)    not null,
    source_name         varchar(200)   not null,
    received_on         date           not null,
    payment_experience  varchar(16)    not null,
    credit_amount       numeric(20, 2),
    credit_currency     char(3),
    comment             varchar(4000),
    recorded_by         varchar(64)    not null,
    recorded_at         timestamptz    not null
);

create index feedback_customer on customer.feedback (customer_id, received_on desc);
