-- expect: file contains only an unterminated block comment opener `/*`
/*
