select * from events order by ts offset 20
