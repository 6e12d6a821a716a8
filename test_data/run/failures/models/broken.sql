SELECT nope FROM ok
