SELECT "col one" FROM "My Schema"."My Table" AS "t"
