-- expect: unclosed `[` of the list literal on line 2: `]` expected before `;`
select [1, 2;
select 1;
