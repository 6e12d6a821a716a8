-- W002: `*` over a table no schema describes.
SELECT * FROM lake.clicks
