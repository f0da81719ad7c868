-- Gifts the server's simulator made up (GIFT_INTERVAL_SECS, the demo): kept apart from real ones in every total.
alter table gifts add column simulated boolean default false not null;
