-- A moderator took a shown message back (issue 24): it stays stored (audit, labels export, user card), but is never
-- served to viewers again (/api/recent, catch-up).
alter table messages add column deleted_at timestamp with time zone;
alter table messages add column deleted_by varchar(64);
-- clearing a user's messages in a channel (with a ban, mute or kick) finds them without reading the whole channel
create index messages_by_author on messages (channel, username);
