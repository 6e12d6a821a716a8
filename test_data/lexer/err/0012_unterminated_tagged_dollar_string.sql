select $tag$abc$$ def $tagx$
