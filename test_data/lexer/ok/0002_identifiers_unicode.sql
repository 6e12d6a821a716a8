-- identifiers with non-ASCII letters
select größe, café, naïve, 名前, ñandú, Ωmega, _straße from données;
