-- expect: `TIMESTAMP WITH TIME` lacks ZONE before the string (found by the fuzzer)
select TIMESTAMP WITH TIME x 'y'
