-- Never a table: inlined into its consumers.
SELECT id, amount * 2 AS doubled FROM src.t
