-- expect: trailing `,` after the last VALUES row on line 2
insert into t values (1, 2), ;
