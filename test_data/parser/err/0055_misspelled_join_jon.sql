-- expect: misspelled JOIN as `jon` after `inner` on line 2; ON clause stays intact
select * from a inner jon b on a.id = b.id;
