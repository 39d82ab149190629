-- Group limits (集团额度) over the members of a customer group, append-only: the limit
-- in force is the latest one set; a removal is a row with no amount.
create table credit_limit.group_limit (
    id          bigint generated always as identity primary key,
    group_code  varchar(64)   not null,
    amount      numeric(19,2) check (amount >= 0),
    currency    char(3)       not null,
    set_at      timestamptz   not null,
    set_by      varchar(64)   not null,
    reason      varchar(1000) not null
);

create index group_limit_group on credit_limit.group_limit (group_code, id);
