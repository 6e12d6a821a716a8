drop table if exists scratch
