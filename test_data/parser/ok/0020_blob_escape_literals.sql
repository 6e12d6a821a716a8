select
    '\xAA\xBB'::BLOB as magic_bytes,
    octet_length('\x00\xFF'::BLOB) as n_bytes
from files
