//! One sentence read as language: tokens, part-of-speech tags, lemmas,
//! phrases and clauses.

#[allow(dead_code)] // wired into extraction as the stages land
pub(crate) mod lemma;
#[allow(dead_code)] // wired into extraction as the stages land
pub(crate) mod tag;
