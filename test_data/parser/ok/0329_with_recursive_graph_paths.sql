with recursive paths(src, dst, path) as (
    select src, dst, [src, dst] from edges
    union
    select p.src, e.dst, list_append(p.path, e.dst)
    from paths p
    join edges e on p.dst = e.src
    where not list_contains(p.path, e.dst)
)
select * from paths
