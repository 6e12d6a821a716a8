-- expect: file ends right after `values (` on line 2
insert into t values (