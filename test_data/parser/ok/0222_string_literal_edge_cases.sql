select
    '--not a comment' as dashes,
    '/* not a comment */' as slashes,
    'semi;colon' as semi,
    'multi
line' as multiline
from notes
