-- expect: `1e+` has no exponent; `1e` reads as 1 with the alias e
-- malformed numeric literals
select 1e, 1e+, 1.5e-, 0x, 0xg, 1_, 1__0, 0x_;
