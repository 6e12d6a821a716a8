" Rocky pipelines (`.rocky`), without tree-sitter: FORMAT.md §6.
if exists('b:current_syntax')
  finish
endif

syntax case match

syntax keyword rockyStep from where group derive select join cross sort take distinct replicate let keep
syntax keyword rockyJoinKind left right full
syntax keyword rockyKeyword as on over partition rows range unbounded current asc desc
syntax keyword rockyOperatorWord and or not is in
syntax keyword rockyConstant null true false
syntax keyword rockyMatch match

syntax match rockyNumber '\<\d[0-9_]*\(\.[0-9_]\+\)\=\([eE][-+]\=\d\+\)\=\>'
syntax match rockyDate '@\d\{4}-\d\{2}-\d\{2}\(T\d\{2}:\d\{2}\(:\d\{2}\(\.\d\+\)\=\)\=\(Z\|[-+]\d\{2}:\=\d\{2}\)\=\)\='
syntax match rockyPlaceholder '@\(start_date\|end_date\|var\)\>'
syntax match rockyOperator '==\|!=\|<=\|>=\|=>\|\.\.\|||\|[<>+\-*/%|]'
syntax match rockyFunction '\<\h\w*\ze\s*('
syntax match rockyField '\<\h\w*\ze\s*:[^:]'
syntax region rockyString start=+"+ skip=+\\"+ end=+"+ oneline
syntax region rockyString start=+'+ skip=+''+ end=+'+ oneline
syntax match rockyComment '--.*$' contains=rockyTodo,@Spell
syntax keyword rockyTodo contained TODO FIXME XXX NOTE

highlight default link rockyStep Statement
highlight default link rockyJoinKind Statement
highlight default link rockyKeyword Keyword
highlight default link rockyOperatorWord Operator
highlight default link rockyOperator Operator
highlight default link rockyConstant Constant
highlight default link rockyMatch Conditional
highlight default link rockyNumber Number
highlight default link rockyDate Constant
highlight default link rockyPlaceholder PreProc
highlight default link rockyFunction Function
highlight default link rockyField Identifier
highlight default link rockyString String
highlight default link rockyComment Comment
highlight default link rockyTodo Todo

let b:current_syntax = 'rocky'
