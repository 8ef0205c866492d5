//! A statistical part-of-speech tagger: Matthew Honnibal's greedy averaged
//! perceptron as textblob-aptagger 0.2.0 implements it, with its newswire
//! weights pruned to about 1 MB (`lexicon/tagger/model.bin`, built by
//! `tools/aptagger.py`, which documents the file format and the hashes).
//!
//! Each word is tagged left to right: a word the model's tag dictionary
//! knows gets its tag; any other gets the best-scoring tag over fourteen
//! features of the word, its neighbours and the two tags before it. The
//! features are 64-bit hashes of their parts, so tagging allocates nothing.
//!
//! Where this differs from textblob: lowercasing and digit tests are ASCII
//! only (as the model's Python 2 training was); a word is first written as
//! the training text writes it (see [`canonical`]); an empty word is read as
//! a space; each sentence starts afresh from `-START-` (textblob's `tag`
//! carries the last tags over from the sentence before). A tag string of
//! the model that [`Tag::parse`] does not know is dropped with its weights
//! and dictionary entries (the built-in model's 45 are all known).
//!
//! Speed: the hashes of each word are computed once, as it enters a
//! five-word window; the four features that depend only on the two tags
//! before a word are summed ahead for every pair of tags; the table is at
//! most 40% full and the first slot of every feature is read before any is
//! searched, so the memory loads overlap.

use std::fmt;
use std::sync::OnceLock;

use super::tag::Tag;

/// The compiled-in model.
const MODEL: &[u8] = include_bytes!("../../lexicon/tagger/model.bin");

/// The model file's first bytes.
const MAGIC: &[u8; 8] = b"GSTAGGER";

/// The model file's format version.
const VERSION: u32 = 1;

/// At most this many classes: ids 62 and 63 stand for the padding tags.
const MAX_CLASSES: usize = 62;

/// The history id of `-START2-`, the tag two before the first word.
const START2: u8 = 62;

/// The history id of `-START-`, the tag before the first word.
const START: u8 = 63;

/// The starting score of a class whose tag is unknown: no sum of weights
/// (at most 2^23 each) lifts it above a known class's.
const UNKNOWN: i32 = i32::MIN / 4;

/// One score per class id (and unused slots for the padding ids).
type Scores = [i32; 64];

/// textblob's feature templates, numbered as in `tools/aptagger.py`.
mod template {
    pub(super) const I_SUFFIX: u64 = 1;
    pub(super) const I_PREF1: u64 = 2;
    pub(super) const I_1_TAG: u64 = 3;
    pub(super) const I_2_TAG: u64 = 4;
    pub(super) const I_TAG_I_2_TAG: u64 = 5;
    pub(super) const I_WORD: u64 = 6;
    pub(super) const I_1_TAG_I_WORD: u64 = 7;
    pub(super) const I_1_WORD: u64 = 8;
    pub(super) const I_1_SUFFIX: u64 = 9;
    pub(super) const I_2_WORD: u64 = 10;
    pub(super) const I_P1_WORD: u64 = 11;
    pub(super) const I_P1_SUFFIX: u64 = 12;
    pub(super) const I_P2_WORD: u64 = 13;
    /// Not a feature: the tag dictionary's keys.
    pub(super) const TAGDICT: u64 = 14;
}

/// MurmurHash3's 64-bit finaliser.
const fn mix(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

/// A template's starting hash.
const fn seed(template: u64) -> u64 {
    mix((template + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The key of a one-part feature, given its part's hash.
#[inline]
fn key1(template: u64, part: u64) -> u64 {
    mix(seed(template) ^ part)
}

/// The word hash's starting value.
const HASH_START: u64 = 0xcbf2_9ce4_8422_2325;

/// Eight ones, one per byte.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The word hash (see `tools/aptagger.py`): the UTF-8 bytes in chunks of
/// eight, little-endian, the last padded with zeros, each mixed into the
/// hash; then the byte length XORed in.
const fn whash(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h = HASH_START;
    let mut i = 0;
    while i < b.len() {
        let mut chunk = 0;
        let mut j = 0;
        while j < 8 && i + j < b.len() {
            chunk |= (b[i + j] as u64) << (8 * j);
            j += 1;
        }
        h = mix(h ^ chunk);
        i += 8;
    }
    h ^ b.len() as u64
}

/// Eight ASCII bytes with the capital letters lowercased.
#[inline]
fn lower8(x: u64) -> u64 {
    let from_a = x + ONES * (0x80 - u64::from(b'A'));
    let past_z = x + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = from_a & !past_z & (ONES * 0x80);
    x | (upper >> 2)
}

/// A character as the model's training text writes it: curly and modifier
/// apostrophes as `'`; lowercased (ASCII only) when `lower`.
#[inline]
fn model_char(c: char, lower: bool) -> char {
    let c = match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
        c => c,
    };
    if lower { c.to_ascii_lowercase() } else { c }
}

/// The hash of a word written as the model writes it (see [`model_char`]),
/// as [`whash`] computes it.
#[inline]
fn hash_word(s: &str, lower: bool) -> u64 {
    if !s.is_ascii() {
        return hash_chars(s, lower);
    }
    let mut h = HASH_START;
    let (chunks, rest) = s.as_bytes().as_chunks::<8>();
    for &chunk in chunks {
        let x = u64::from_le_bytes(chunk);
        h = mix(h ^ if lower { lower8(x) } else { x });
    }
    if !rest.is_empty() {
        let x = load_short(rest);
        h = mix(h ^ if lower { lower8(x) } else { x });
    }
    h ^ s.len() as u64
}

/// Up to seven bytes as a little-endian `u64`, zero-padded, read in at
/// most three loads (overlapping ones OR the same bytes twice).
#[inline]
fn load_short(b: &[u8]) -> u64 {
    let n = b.len().min(7);
    if let (Some(&lo), Some(&hi)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        let (lo, hi) = (u32::from_le_bytes(lo), u32::from_le_bytes(hi));
        return u64::from(lo) | u64::from(hi) << (8 * (n - 4));
    }
    let byte = |i: usize| u64::from(b.get(i).copied().unwrap_or(0)) << (8 * i);
    byte(0) | byte(n / 2) | byte(n.saturating_sub(1))
}

/// [`hash_word`] of a word that is not all ASCII, a byte at a time.
fn hash_chars(s: &str, lower: bool) -> u64 {
    let (mut h, mut chunk, mut len) = (HASH_START, 0u64, 0u64);
    let mut buf = [0u8; 4];
    for c in s.chars() {
        for &b in model_char(c, lower).encode_utf8(&mut buf).as_bytes() {
            chunk |= u64::from(b) << (8 * (len % 8));
            len += 1;
            if len.is_multiple_of(8) {
                h = mix(h ^ chunk);
                chunk = 0;
            }
        }
    }
    if !len.is_multiple_of(8) {
        h = mix(h ^ chunk);
    }
    h ^ len
}

/// The last three characters of a word (Python's `word[-3:]`).
#[inline]
fn suffix(s: &str) -> &str {
    let start = s.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    s.get(start..).unwrap_or(s)
}

/// The first character of a word (Python's `word[0]`), or "".
#[inline]
fn prefix(s: &str) -> &str {
    let end = s.chars().next().map_or(0, char::len_utf8);
    s.get(..end).unwrap_or(s)
}

/// A token as the model's training text (the Penn Treebank's) writes it.
/// Quotes become the Penn quotes (two backquotes, two apostrophes): a
/// straight `"` opens when an even number of quotes came before it in the
/// sentence (`quotes` counts them); dashes become `--`, brackets `-LRB-`
/// and `-RRB-`, `…` becomes `...`.
fn canonical<'a>(word: &'a str, quotes: &mut u32) -> &'a str {
    let quote = match word {
        "\u{201c}" | "\u{00ab}" | "\u{201e}" | "``" => "``",
        "\u{201d}" | "\u{00bb}" | "''" => "''",
        "\"" if quotes.is_multiple_of(2) => "``",
        "\"" => "''",
        _ => "",
    };
    if !quote.is_empty() {
        *quotes = quotes.wrapping_add(1);
        return quote;
    }
    match word {
        "" => " ",
        "\u{2018}" | "\u{201a}" => "`",
        "\u{2019}" => "'",
        "\u{2014}" | "\u{2013}" | "\u{2015}" | "\u{2012}" => "--",
        "\u{2026}" => "...",
        "(" | "[" | "{" => "-LRB-",
        ")" | "]" | "}" => "-RRB-",
        _ => word,
    }
}

/// textblob's `_normalize` of the words it does not lowercase, as hashes
/// of the normalised word and of its last three characters: hyphenated
/// words are `!HYPHEN`, four digits `!YEAR`, other words starting with a
/// digit `!DIGITS`.
#[inline]
fn special(word: &str) -> Option<(u64, u64)> {
    const HYPHEN: (u64, u64) = (whash("!HYPHEN"), whash("HEN"));
    const YEAR: (u64, u64) = (whash("!YEAR"), whash("EAR"));
    const DIGITS: (u64, u64) = (whash("!DIGITS"), whash("ITS"));
    let bytes = word.as_bytes();
    let first = bytes.first().copied().unwrap_or(0);
    if first != b'-' && memchr::memchr(b'-', bytes).is_some() {
        Some(HYPHEN)
    } else if bytes.len() == 4 && bytes.iter().all(u8::is_ascii_digit) {
        Some(YEAR)
    } else if first.is_ascii_digit() {
        Some(DIGITS)
    } else {
        None
    }
}

/// One word of the context window: its canonical form and the hashes of
/// that form, of its normalised form and of the normalised form's last
/// three characters.
#[derive(Clone, Copy)]
struct Context<'a> {
    word: &'a str,
    raw: u64,
    norm: u64,
    suffix: u64,
    /// Whether the normalised form is the canonical form (lowercase, not
    /// special), so `suffix` is also the canonical form's.
    plain: bool,
}

impl<'a> Context<'a> {
    /// A padding word (`-START-`, `-END-`, ...): its hashes are constant.
    const fn pad(word: &'static str, suffix: &'static str) -> Context<'static> {
        Context {
            word,
            raw: whash(word),
            norm: whash(word),
            suffix: whash(suffix),
            plain: false,
        }
    }

    /// A word of the sentence.
    fn word(word: &'a str, quotes: &mut u32) -> Context<'a> {
        let word = canonical(word, quotes);
        let raw = hash_word(word, false);
        if let Some((norm, suffix)) = special(word) {
            return Context {
                word,
                raw,
                norm,
                suffix,
                plain: false,
            };
        }
        let plain = !word.bytes().any(|b| b.is_ascii_uppercase());
        let norm = if plain { raw } else { hash_word(word, true) };
        let suffix = hash_word(suffix(word), true);
        Context {
            word,
            raw,
            norm,
            suffix,
            plain,
        }
    }

    /// The hash of the canonical form's last three characters.
    #[inline]
    fn raw_suffix(&self) -> u64 {
        if self.plain {
            self.suffix
        } else {
            hash_word(suffix(self.word), false)
        }
    }
}

const START_PAD: Context<'static> = Context::pad("-START-", "RT-");
const START2_PAD: Context<'static> = Context::pad("-START2-", "T2-");
const END_PAD: Context<'static> = Context::pad("-END-", "ND-");
const END2_PAD: Context<'static> = Context::pad("-END2-", "D2-");

/// An open-addressing hash table from 64-bit keys to 32-bit values. A slot
/// holds a 31-bit fingerprint of the key (never 0) and the value; 0 is an
/// empty slot. It is at most 40% full, so a miss ends after a probe or two.
struct Table {
    slots: Box<[u64]>,
    mask: usize,
}

impl Table {
    /// An empty table for `n` keys.
    fn with_capacity(n: usize) -> Table {
        let size = (n.saturating_mul(5) / 2).max(16).next_power_of_two();
        Table {
            slots: vec![0; size].into_boxed_slice(),
            mask: size - 1,
        }
    }

    /// The slot contents for a key and value.
    #[inline]
    fn entry(key: u64, value: u32) -> u64 {
        ((key >> 32) | 1) << 32 | u64::from(value)
    }

    /// Adds a key; a key already present keeps its first value.
    fn insert(&mut self, key: u64, value: u32) {
        let want = Self::entry(key, 0) >> 32;
        let mut i = key as usize & self.mask;
        while let Some(slot) = self.slots.get_mut(i) {
            if *slot == 0 {
                *slot = Self::entry(key, value);
                return;
            }
            if *slot >> 32 == want {
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The slot where a key's search starts.
    #[inline]
    fn first(&self, key: u64) -> u64 {
        self.slots
            .get(key as usize & self.mask)
            .copied()
            .unwrap_or(0)
    }

    /// The value of a key.
    #[inline]
    fn get(&self, key: u64) -> Option<u32> {
        self.get_from(key, self.first(key))
    }

    /// The value of a key, given the slot [`Table::first`] read: reading
    /// the first slots of many keys before searching lets the memory loads
    /// overlap.
    #[inline]
    fn get_from(&self, key: u64, mut slot: u64) -> Option<u32> {
        let want = Self::entry(key, 0) >> 32;
        let mut i = key as usize & self.mask;
        loop {
            if slot == 0 {
                return None;
            }
            if slot >> 32 == want {
                return Some(slot as u32);
            }
            i = (i + 1) & self.mask;
            slot = *self.slots.get(i)?;
        }
    }
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ModelError(&'static str);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed tagger model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// Reads the model file's fields in order.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    /// The next `n` bytes.
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if n > self.bytes.len() {
            return Err(ModelError("truncated"));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?.first().copied().unwrap_or(0))
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes(b.try_into().unwrap_or([0; 4])))
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
    }

    /// A zigzag LEB128 varint that fits an `i32`.
    fn varint(&mut self) -> Result<i32, ModelError> {
        let mut z: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            z |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                let v = (z >> 1) as i64 ^ -((z & 1) as i64);
                return i32::try_from(v).map_err(|_| ModelError("weight out of range"));
            }
        }
        Err(ModelError("varint too long"))
    }
}

/// A part-of-speech tagger: an averaged perceptron's weights and tag
/// dictionary.
pub(crate) struct Tagger {
    /// Feature key -> row of weights: `start << 8 | len` into `weights`.
    features: Table,
    /// Each weight: the score in thousandths `<< 8`, then the class id.
    weights: Vec<u32>,
    /// Canonical word key -> class id, for frequent unambiguous words.
    tagdict: Table,
    /// The number of classes.
    classes: usize,
    /// Per pair of history ids (i-1, i-2), at [`Tagger::history_index`]: the
    /// sum of the features that depend on nothing else (bias, i-1 tag, i-2
    /// tag, i tag+i-2 tag), every score's starting value.
    history: Box<[Scores]>,
    /// The tag of each class id; `None` for a tag string not in [`Tag`]
    /// (its weights and dictionary entries are dropped).
    class_tag: [Option<Tag>; 64],
    /// Per history id: the hash of the tag string, as a feature part.
    tag_hash: [u64; 64],
}

impl Tagger {
    /// The compiled-in model, read once.
    ///
    /// # Panics
    ///
    /// Only if the compiled-in model is malformed: a build bug, which the
    /// tests catch.
    pub(crate) fn builtin() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| match Tagger::from_bytes(MODEL) {
            Ok(tagger) => tagger,
            Err(e) => panic!("the built-in {e}"),
        })
    }

    /// Reads a model file written by `tools/aptagger.py`.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut r = Reader { bytes };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError("not a tagger model"));
        }
        if r.u32()? != VERSION {
            return Err(ModelError("unknown version"));
        }
        let mut tagger = Tagger {
            features: Table::with_capacity(0),
            weights: Vec::new(),
            tagdict: Table::with_capacity(0),
            classes: 0,
            history: Box::default(),
            class_tag: [None; 64],
            tag_hash: [0; 64],
        };
        tagger.read_classes(&mut r)?;
        tagger.read_tagdict(&mut r)?;
        tagger.read_features(&mut r)?;
        if !r.bytes.is_empty() {
            return Err(ModelError("trailing bytes"));
        }
        let ids: Vec<u8> = (0..tagger.classes as u8).chain([START2, START]).collect();
        tagger.history = ids
            .iter()
            .flat_map(|&p| ids.iter().map(move |&p2| (p, p2)))
            .map(|(p, p2)| tagger.history_scores(p, p2))
            .collect();
        Ok(tagger)
    }

    /// The class names: their tags and hashes.
    fn read_classes(&mut self, r: &mut Reader<'_>) -> Result<(), ModelError> {
        let n = usize::from(r.u8()?);
        if n > MAX_CLASSES {
            return Err(ModelError("too many classes"));
        }
        self.classes = n;
        for c in 0..n {
            let len = usize::from(r.u8()?);
            let name = std::str::from_utf8(r.take(len)?)
                .map_err(|_| ModelError("class name is not UTF-8"))?;
            if let (Some(tag), Some(hash)) = (self.class_tag.get_mut(c), self.tag_hash.get_mut(c)) {
                *tag = Tag::parse(name);
                *hash = whash(name);
            }
        }
        self.tag_hash[usize::from(START)] = whash("-START-");
        self.tag_hash[usize::from(START2)] = whash("-START2-");
        Ok(())
    }

    /// Whether a class id names a known tag.
    fn known(&self, class: u8) -> bool {
        matches!(self.class_tag.get(usize::from(class)), Some(Some(_)))
    }

    /// The tag dictionary.
    fn read_tagdict(&mut self, r: &mut Reader<'_>) -> Result<(), ModelError> {
        let n = r.u32()? as usize;
        self.tagdict = Table::with_capacity(n.min(r.bytes.len() / 9));
        for _ in 0..n {
            let key = r.u64()?;
            let class = r.u8()?;
            if self.known(class) {
                self.tagdict.insert(key, u32::from(class));
            }
        }
        Ok(())
    }

    /// The features and their rows of weights.
    fn read_features(&mut self, r: &mut Reader<'_>) -> Result<(), ModelError> {
        let n = r.u32()? as usize;
        self.features = Table::with_capacity(n.min(r.bytes.len() / 9));
        for _ in 0..n {
            let key = r.u64()?;
            let len = r.u8()?;
            let start = self.weights.len();
            for _ in 0..len {
                let class = r.u8()?;
                let weight = r.varint()?;
                if self.known(class) {
                    let w = weight.clamp(-(1 << 23), (1 << 23) - 1);
                    self.weights.push(((w as u32) << 8) | u32::from(class));
                }
            }
            let kept = self.weights.len() - start;
            if start >= 1 << 24 {
                return Err(ModelError("too many weights"));
            }
            if kept > 0 {
                self.features.insert(key, (start as u32) << 8 | kept as u32);
            }
        }
        Ok(())
    }

    /// The scores of the features of the two tags before a word alone.
    fn history_scores(&self, prev: u8, prev2: u8) -> Scores {
        use template::*;
        let (t1, t2) = (self.tag_hash(prev), self.tag_hash(prev2));
        let mut scores = [0; 64];
        for (s, tag) in scores.iter_mut().zip(&self.class_tag) {
            if tag.is_none() {
                *s = UNKNOWN;
            }
        }
        self.add(&mut scores, seed(0));
        self.add(&mut scores, key1(I_1_TAG, t1));
        self.add(&mut scores, key1(I_2_TAG, t2));
        self.add(&mut scores, mix(key1(I_TAG_I_2_TAG, t1) ^ t2));
        scores
    }

    /// Where the scores of the history (i-1, i-2) are in `history`: history
    /// ids numbered from 0 as the classes, then `START2`, then `START`.
    #[inline]
    fn history_index(&self, prev: u8, prev2: u8) -> usize {
        let compact = |id: u8| match id {
            START2 => self.classes,
            START => self.classes + 1,
            id => usize::from(id),
        };
        compact(prev) * (self.classes + 2) + compact(prev2)
    }

    /// The hash of a history id's tag string.
    #[inline]
    fn tag_hash(&self, id: u8) -> u64 {
        self.tag_hash.get(usize::from(id)).copied().unwrap_or(0)
    }

    /// Adds one feature's weights to the scores.
    fn add(&self, scores: &mut Scores, key: u64) {
        self.add_row(scores, self.features.get(key));
    }

    /// Adds one row of weights (as the features table holds it) to the
    /// scores.
    #[inline]
    fn add_row(&self, scores: &mut Scores, row: Option<u32>) {
        let Some(v) = row else {
            return;
        };
        let start = (v >> 8) as usize;
        let len = (v & 0xff) as usize;
        let Some(row) = self.weights.get(start..start + len) else {
            return;
        };
        for &w in row {
            if let Some(s) = scores.get_mut((w & 0x3f) as usize) {
                *s += (w as i32) >> 8;
            }
        }
    }
}

impl Tagger {
    /// Tags a sentence's words: clears `out`, then pushes one tag per word.
    /// Words are Penn-style tokens: "do" "n't", "'s" split off,
    /// punctuation apart.
    pub(crate) fn tag(&self, words: &[&str], out: &mut Vec<Tag>) {
        out.clear();
        out.reserve(words.len());
        let mut quotes = 0;
        let mut rest = words.iter();
        let mut pads = [END_PAD, END2_PAD].into_iter();
        let mut next = move || match rest.next() {
            Some(w) => Context::word(w, &mut quotes),
            None => pads.next().unwrap_or(END2_PAD),
        };
        // The words at i-2, i-1, i, i+1, i+2; textblob pads the context
        // with -START- -START2- but the tags with -START2- -START-.
        let mut window = [START_PAD, START2_PAD, next(), next(), next()];
        let (mut prev, mut prev2) = (START, START2);
        for _ in words {
            let class = self.classify(&window, prev, prev2);
            let tag = self.class_tag.get(usize::from(class)).copied().flatten();
            out.push(tag.unwrap_or(Tag::NN));
            (prev2, prev) = (prev, class);
            window.rotate_left(1);
            window[4] = next();
        }
    }

    /// The class id of the word in the middle of the window, given the
    /// history ids of the two words before it.
    #[inline]
    fn classify(&self, window: &[Context<'_>; 5], prev: u8, prev2: u8) -> u8 {
        use template::*;
        let [w2, w1, w0, p1, p2] = window;
        let word = w0.word;
        if let Some(class) = self.tagdict.get(key1(TAGDICT, w0.raw)) {
            return class as u8;
        }
        let keys = [
            key1(I_SUFFIX, w0.raw_suffix()),
            key1(I_PREF1, hash_word(prefix(word), false)),
            key1(I_WORD, w0.norm),
            mix(key1(I_1_TAG_I_WORD, self.tag_hash(prev)) ^ w0.norm),
            key1(I_1_WORD, w1.norm),
            key1(I_1_SUFFIX, w1.suffix),
            key1(I_2_WORD, w2.norm),
            key1(I_P1_WORD, p1.norm),
            key1(I_P1_SUFFIX, p1.suffix),
            key1(I_P2_WORD, p2.norm),
        ];
        let slots = keys.map(|k| self.features.first(k));
        let at = self.history_index(prev, prev2);
        let mut s = self.history.get(at).copied().unwrap_or([0; 64]);
        for (key, slot) in keys.into_iter().zip(slots) {
            self.add_row(&mut s, self.features.get_from(key, slot));
        }
        self.best(&s)
    }

    /// The best-scoring class (unknown ones score far below any other);
    /// ties go to the later class (the greater tag string, as textblob
    /// breaks them).
    #[inline]
    fn best(&self, scores: &Scores) -> u8 {
        let row = scores.get(..self.classes).unwrap_or(&[]);
        let max = row.iter().copied().max().unwrap_or(0);
        row.iter().rposition(|&s| s == max).unwrap_or(0) as u8
    }
}

/// The tagger for the example programs and benchmarks. Not part of the
/// API: it may change in any release.
#[doc(hidden)]
pub mod stages {
    use super::{Tag, Tagger};

    /// A tagger and a buffer of tags.
    pub struct PosTagger {
        tagger: &'static Tagger,
        tags: Vec<Tag>,
    }

    impl PosTagger {
        /// The built-in model.
        pub fn builtin() -> PosTagger {
            PosTagger {
                tagger: Tagger::builtin(),
                tags: Vec::new(),
            }
        }

        /// A model file written by `tools/aptagger.py`. The model is leaked:
        /// this is for programs that load one.
        pub fn from_bytes(bytes: &[u8]) -> Result<PosTagger, String> {
            let tagger = Tagger::from_bytes(bytes).map_err(|e| e.to_string())?;
            Ok(PosTagger {
                tagger: Box::leak(Box::new(tagger)),
                tags: Vec::new(),
            })
        }

        /// Tags a sentence's words; the tags as the Penn Treebank writes
        /// them, one per word.
        pub fn tag(&mut self, words: &[&str]) -> impl Iterator<Item = &'static str> + '_ {
            self.tagger.tag(words, &mut self.tags);
            self.tags.iter().map(|t| t.as_str())
        }
    }

    /// One clause the clause reader finds, as token indices into the
    /// words: its main verb, its subject's head and its object's head.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct ClauseHeads {
        /// The main verb: "resigned" in "has not resigned".
        pub verb: usize,
        /// The first and one past the last token of the verb group.
        pub group: (usize, usize),
        /// The subject's head; for a relative clause, the noun described.
        pub subject: Option<usize>,
        /// The direct object's head, or a noun after a copula.
        pub object: Option<usize>,
        /// An adjective after a copula.
        pub complement: Option<usize>,
        /// The verb group is passive.
        pub passive: bool,
    }

    /// Reads the clauses of a sentence given as words (a treebank's
    /// tokens) with the built-in tagger, in the order of their verbs.
    pub fn clause_heads(words: &[&str]) -> Vec<ClauseHeads> {
        let (_, clauses) = crate::syntax::reading::clauses_of_words(words);
        clauses
            .iter()
            .map(|c| ClauseHeads {
                verb: c.verb.main,
                group: (c.verb.start, c.verb.end),
                subject: c.subject.as_ref().map(|np| np.head),
                object: c.object.as_ref().map(|np| np.head),
                complement: c.complement,
                passive: c.verb.passive,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tags of a sentence written with spaces between its tokens.
    fn tags(sentence: &str) -> String {
        let words: Vec<&str> = sentence.split(' ').collect();
        let mut out = Vec::new();
        Tagger::builtin().tag(&words, &mut out);
        assert_eq!(out.len(), words.len());
        let strs: Vec<&str> = out.iter().map(|t| t.as_str()).collect();
        strs.join(" ")
    }

    #[test]
    fn the_builtin_model_reads() {
        let tagger = Tagger::from_bytes(MODEL).expect("the built-in model");
        assert!(tagger.weights.len() > 100_000);
        assert!(tagger.class_tag.iter().flatten().count() == 45);
    }

    #[test]
    fn keys_match_the_python_tool() {
        // Values printed by tools/aptagger.py's feature_key and word_key.
        assert_eq!(seed(0), 0x9ca0_66f1_a4ab_2eea);
        let court = mix(key1(template::I_1_TAG_I_WORD, whash("DT")) ^ whash("court"));
        assert_eq!(court, 0x6294_fbea_3e17_653e);
        assert_eq!(key1(template::TAGDICT, whash("the")), 0xb71c_66c0_5a01_8a48);
    }

    #[test]
    fn word_hashes_agree() {
        let text = "Hello, World! Longer";
        assert_eq!(whash(text), 0x91ef_549a_2d7b_1f89);
        assert_eq!(hash_word(text, false), whash(text));
        assert_eq!(hash_word(text, true), whash("hello, world! longer"));
        assert_eq!(hash_chars(text, true), whash("hello, world! longer"));
        assert_eq!(hash_word("Don\u{2019}t stop", true), whash("don't stop"));
        assert_eq!(hash_word("", true), whash(""));
        let all = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{z0123";
        for n in 0..all.len() {
            assert_eq!(hash_word(&all[..n], false), whash(&all[..n]));
            assert_eq!(hash_chars(&all[..n], true), hash_word(&all[..n], true));
        }
        for s in ["@[`{Zz", "AZaz09", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"] {
            assert_eq!(hash_word(s, true), whash(&s.to_ascii_lowercase()));
        }
    }

    #[test]
    fn news_sentences() {
        assert_eq!(
            tags("The court rejected the appeal on Monday ."),
            "DT NN VBD DT NN IN NNP ."
        );
        assert_eq!(
            tags("The minister said the talks had produced a breakthrough ."),
            "DT NN VBD DT NNS VBD VBN DT NN ."
        );
        assert_eq!(
            tags("Shares of the company fell 3 % to $ 42.50 in 2024 ."),
            "NNS IN DT NN VBD CD NN TO $ CD IN CD ."
        );
        assert_eq!(
            tags("Researchers found that the vaccine reduced infections ."),
            "NNS VBD IN DT NN VBD NNS ."
        );
        assert_eq!(
            tags("The patient was n't given the drug , doctors said ."),
            "DT NN VBD RB VBN DT NN , NNS VBD ."
        );
        assert_eq!(tags("I can not believe it !"), "PRP MD RB VB PRP .");
    }

    #[test]
    fn ambiguous_words_in_context() {
        assert_eq!(
            tags("Officials will sign the agreement on Friday ."),
            "NNS MD VB DT NN IN NNP ."
        );
        assert_eq!(
            tags("The sign on the door was removed ."),
            "DT NN IN DT NN VBD VBN ."
        );
        assert_eq!(
            tags("The strikes closed the port for a week ."),
            "DT NNS VBD DT NN IN DT NN ."
        );
        assert_eq!(
            tags("The union strikes again on Tuesday ."),
            "DT NN VBZ RB IN NNP ."
        );
    }

    #[test]
    fn quotes_dashes_and_brackets() {
        assert_eq!(
            tags("\u{201c} We will win , \u{201d} she said ."),
            "`` PRP MD VB , '' PRP VBD ."
        );
        assert_eq!(
            tags("He said \" no \" to the plan ."),
            "PRP VBD `` RB '' TO DT NN ."
        );
        assert_eq!(
            tags("The team \u{2019}s coach resigned ( again ) ."),
            "DT NN POS NN VBD -LRB- RB -RRB- ."
        );
        let dash = tags("Rain is expected \u{2014} forecasters warned .");
        assert_eq!(dash.split(' ').nth(3), Some(":"));
    }

    #[test]
    fn an_empty_sentence_clears_the_output() {
        let mut out = vec![Tag::NN];
        Tagger::builtin().tag(&[], &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn odd_input_never_panics() {
        let long = "x".repeat(10_000);
        let long_multibyte = "\u{00e9}".repeat(10_000);
        let words = [
            "\u{1f600}",
            "",
            "?",
            long.as_str(),
            long_multibyte.as_str(),
            "e\u{301}",
            "\u{0}",
            "-",
            "--",
            "1-2",
            "\u{2019}",
            "\"",
            "\u{00bd}",
            "\u{0130}STANBUL",
        ];
        let mut out = Vec::new();
        for n in 0..=words.len() {
            Tagger::builtin().tag(&words[..n], &mut out);
            assert_eq!(out.len(), n);
        }
        for w in words {
            Tagger::builtin().tag(&[w], &mut out);
            assert_eq!(out.len(), 1);
        }
        assert_eq!(tags("."), ".");
    }

    #[test]
    fn malformed_models_are_errors() {
        assert!(Tagger::from_bytes(b"").is_err());
        assert!(Tagger::from_bytes(b"NOTAMODEL___").is_err());
        for n in (0..MODEL.len()).step_by(997).chain([MODEL.len() - 1]) {
            assert!(Tagger::from_bytes(&MODEL[..n]).is_err(), "prefix {n}");
        }
        let mut longer = MODEL.to_vec();
        longer.push(0);
        assert!(Tagger::from_bytes(&longer).is_err());
        let mut bent = MODEL.to_vec();
        for i in (12..bent.len()).step_by(4099) {
            bent[i] ^= 0xff;
        }
        let _ = Tagger::from_bytes(&bent);
    }
}
