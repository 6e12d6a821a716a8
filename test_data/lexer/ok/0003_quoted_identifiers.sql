-- double-quoted identifiers, with spaces and doubled quotes
select "a", "With Space", "has ""quote""", """", "größe", "select" from "My Table"."col";
