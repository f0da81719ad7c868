-- Message ids shared by every node of a cluster: one row, raised in a transaction per pipeline batch. (One node counts
-- in memory from max(messages.id) and does not use it.)
create table message_id_counter (
    id int primary key,
    last_id bigint not null
);
insert into message_id_counter (id, last_id) values (1, 0);
