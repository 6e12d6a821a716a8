select /* c1 */ sum /* c2 */ ( /* c3 */ amount /* c4 */ ) /* c5 */ as /* c6 */ total
from /* c7 */ orders /* c8 */ where /* c9 */ amount /* c10 */ > /* c11 */ 0
