//! `TokenSet`: a constant bit set of token kinds, for FIRST sets and recovery sets.

use crate::SyntaxKind;

const WORDS: usize = 4;

/// Room for the first 256 kinds, which are all the tokens (asserted in a test).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct TokenSet([u64; WORDS]);

impl TokenSet {
    pub(crate) const EMPTY: TokenSet = TokenSet([0; WORDS]);

    pub(crate) const fn new(kinds: &[SyntaxKind]) -> TokenSet {
        let mut bits = [0u64; WORDS];
        let mut i = 0;
        while i < kinds.len() {
            let raw = kinds[i] as usize;
            bits[raw / 64] |= 1 << (raw % 64);
            i += 1;
        }
        TokenSet(bits)
    }

    pub(crate) const fn union(self, other: TokenSet) -> TokenSet {
        let mut bits = self.0;
        let mut i = 0;
        while i < WORDS {
            bits[i] |= other.0[i];
            i += 1;
        }
        TokenSet(bits)
    }

    pub(crate) const fn contains(&self, kind: SyntaxKind) -> bool {
        let raw = kind as usize;
        raw < WORDS * 64 && self.0[raw / 64] & (1 << (raw % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_kind_fits() {
        assert!((SyntaxKind::EOF as usize) < WORDS * 64);
        let set = TokenSet::new(&[T![select], SyntaxKind::EOF]);
        assert!(set.contains(T![select]));
        assert!(set.contains(SyntaxKind::EOF));
        assert!(!set.contains(T![from]));
        assert!(!set.contains(SyntaxKind::SOURCE_FILE));
    }
}
