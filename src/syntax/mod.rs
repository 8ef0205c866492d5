//! One sentence read as language: tokens, part-of-speech tags, lemmas,
//! phrases and clauses.

pub(crate) mod clause;
pub(crate) mod grammar;
pub(crate) mod lemma;
mod noun;
pub(crate) mod phrase;
pub(crate) mod reading;
mod role;
pub(crate) mod tag;
pub(crate) mod tagger;
pub(crate) mod token;
mod verb;
