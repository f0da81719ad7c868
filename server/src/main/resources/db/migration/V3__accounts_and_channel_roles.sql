-- Accounts that can be re-roled, disabled and reset (issue 12); channels with owners and channel moderators.
-- Portable SQL: runs on H2 (default) and PostgreSQL.

-- bumped by a role change, password change, reset or disable: tokens carrying an older version are refused
alter table users add column token_version integer default 0 not null;
alter table users add column disabled boolean default false not null;
-- set by an admin's password reset: the next login only lets the user change the password
alter table users add column must_change_password boolean default false not null;

create table channels (
    name       varchar(32) primary key,
    -- username_key of the owner; null: owned by the site admins only
    owner_key  varchar(64),
    created_at timestamp with time zone not null
);

create table channel_moderators (
    channel      varchar(32) not null,
    username_key varchar(64) not null,
    appointed_by varchar(64) not null,
    created_at   timestamp with time zone not null,
    primary key (channel, username_key)
);

-- channels that already have history keep existing (owned by the admins until one is handed over)
insert into channels (name, owner_key, created_at)
    select distinct channel, cast(null as varchar(64)), current_timestamp from messages
    where channel <> 'main';
