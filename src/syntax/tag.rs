//! Penn Treebank part-of-speech tags.

use std::fmt;

/// One Penn Treebank tag: the 36 word tags and the punctuation tags of
/// newswire text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(clippy::upper_case_acronyms)]
pub(crate) enum Tag {
    CC,
    CD,
    DT,
    EX,
    FW,
    IN,
    JJ,
    JJR,
    JJS,
    LS,
    MD,
    NN,
    NNS,
    NNP,
    NNPS,
    PDT,
    POS,
    PRP,
    PRPS,
    RB,
    RBR,
    RBS,
    RP,
    SYM,
    TO,
    UH,
    VB,
    VBD,
    VBG,
    VBN,
    VBP,
    VBZ,
    WDT,
    WP,
    WPS,
    WRB,
    /// `,`
    Comma,
    /// `.`, `!`, `?`
    Stop,
    /// `:`, `;`, `--`, `...`
    Colon,
    /// `(` and other opening brackets.
    Lrb,
    /// `)` and other closing brackets.
    Rrb,
    /// An opening quote mark.
    Open,
    /// A closing quote mark.
    Close,
    /// `#`
    Hash,
    /// `$` and other currency signs.
    Dollar,
}

/// Every tag, in the order of the enum: a tag's index is `tag as usize`.
pub(crate) const ALL: [Tag; 45] = {
    use Tag::*;
    [
        CC, CD, DT, EX, FW, IN, JJ, JJR, JJS, LS, MD, NN, NNS, NNP, NNPS, PDT, POS, PRP, PRPS, RB,
        RBR, RBS, RP, SYM, TO, UH, VB, VBD, VBG, VBN, VBP, VBZ, WDT, WP, WPS, WRB, Comma, Stop,
        Colon, Lrb, Rrb, Open, Close, Hash, Dollar,
    ]
};

impl Tag {
    /// The tag as the Penn Treebank writes it.
    pub(crate) fn as_str(self) -> &'static str {
        use Tag::*;
        match self {
            CC => "CC",
            CD => "CD",
            DT => "DT",
            EX => "EX",
            FW => "FW",
            IN => "IN",
            JJ => "JJ",
            JJR => "JJR",
            JJS => "JJS",
            LS => "LS",
            MD => "MD",
            NN => "NN",
            NNS => "NNS",
            NNP => "NNP",
            NNPS => "NNPS",
            PDT => "PDT",
            POS => "POS",
            PRP => "PRP",
            PRPS => "PRP$",
            RB => "RB",
            RBR => "RBR",
            RBS => "RBS",
            RP => "RP",
            SYM => "SYM",
            TO => "TO",
            UH => "UH",
            VB => "VB",
            VBD => "VBD",
            VBG => "VBG",
            VBN => "VBN",
            VBP => "VBP",
            VBZ => "VBZ",
            WDT => "WDT",
            WP => "WP",
            WPS => "WP$",
            WRB => "WRB",
            Comma => ",",
            Stop => ".",
            Colon => ":",
            Lrb => "-LRB-",
            Rrb => "-RRB-",
            Open => "``",
            Close => "''",
            Hash => "#",
            Dollar => "$",
        }
    }

    /// Reads a tag as the Penn Treebank writes it; brackets also as `(`
    /// and `)`, quotes also as `"`.
    pub(crate) fn parse(s: &str) -> Option<Tag> {
        match s {
            "(" => Some(Tag::Lrb),
            ")" => Some(Tag::Rrb),
            "\"" => Some(Tag::Close),
            _ => ALL.iter().copied().find(|t| t.as_str() == s),
        }
    }

    /// A noun: NN, NNS, NNP, NNPS.
    pub(crate) fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    /// A proper noun: NNP, NNPS.
    pub(crate) fn is_proper(self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }

    /// A verb form: VB, VBD, VBG, VBN, VBP, VBZ.
    pub(crate) fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ
        )
    }

    /// An adjective: JJ, JJR, JJS.
    pub(crate) fn is_adjective(self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }

    /// An adverb: RB, RBR, RBS.
    pub(crate) fn is_adverb(self) -> bool {
        matches!(self, Tag::RB | Tag::RBR | Tag::RBS)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_reads_back() {
        for (i, t) in ALL.iter().enumerate() {
            assert_eq!(*t as usize, i);
            assert_eq!(Tag::parse(t.as_str()), Some(*t));
        }
        assert_eq!(Tag::parse("PRP$"), Some(Tag::PRPS));
        assert_eq!(Tag::parse("HYPH"), None);
    }
}
