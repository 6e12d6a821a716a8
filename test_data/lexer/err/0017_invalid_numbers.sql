-- malformed numeric literals
select 1e, 1e+, 1.5e-, 0x, 0xg, 1_, 1__0, 0x_;
