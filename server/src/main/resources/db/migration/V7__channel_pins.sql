-- One pinned message per channel (issue 24): the message itself stays in messages; unpinning deletes the row.
create table channel_pins (
    channel    varchar(32) primary key,
    message_id bigint      not null,
    pinned_by  varchar(64) not null,
    pinned_at  timestamp with time zone not null
);
