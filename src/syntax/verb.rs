//! Verb groups: modals, auxiliaries, negation and adverbs up to a main
//! verb, and verbs that govern an infinitive ("failed to pay", "is
//! expected to resume") read through to the verb they govern.

use super::grammar::VerbClass;
use super::phrase::{Reader, VerbGroup};
use super::tag::Tag;

/// Verbs that help another: "has been arrested", "did not sign".
const AUXILIARIES: [&str; 4] = ["be", "have", "do", "get"];

/// The classes a verb before "to" may have, strongest first.
const CATENATIVE: [VerbClass; 5] = [
    VerbClass::Negating,
    VerbClass::Proposing,
    VerbClass::Expecting,
    VerbClass::Hedging,
    VerbClass::Transparent,
];

impl Reader<'_, '_> {
    /// The verb group that starts at token `i`, if one does.
    pub(crate) fn verb_group(&self, i: usize) -> Option<VerbGroup> {
        let infinitive = self.tag(i) == Some(Tag::TO);
        let first_verb = (i..i + 4).find(|&k| self.tag(k).is_some_and(is_verbal))?;
        let lead_in_ok = (i..first_verb).all(|k| self.leads_to_verb(k, infinitive && k == i));
        if !lead_in_ok {
            return None;
        }
        let mut vg = VerbGroup {
            start: i,
            main: first_verb,
            infinitive,
            ..VerbGroup::default()
        };
        for k in i..first_verb {
            self.note_adverb(k, &mut vg);
        }
        let mut j = first_verb;
        loop {
            j = self.auxiliary_chain(j, &mut vg);
            match self.catenative_step(j, &vg) {
                Some((class, next)) => {
                    vg.catenative = stronger(vg.catenative, class);
                    vg.negated |= class == VerbClass::Negating;
                    vg.passive = false;
                    j = next;
                }
                None => break,
            }
        }
        vg.end = j;
        if self.tag(j) == Some(Tag::RP) {
            vg.particle = Some(j);
            vg.end = j + 1;
        }
        vg.participle = !vg.infinitive
            && vg.start == vg.main
            && matches!(self.tag(vg.main), Some(Tag::VBN | Tag::VBG));
        Some(vg)
    }

    /// Whether token `k`, before the first verb, may open a verb group:
    /// "to", "not", "never", "reportedly".
    fn leads_to_verb(&self, k: usize, to: bool) -> bool {
        to || self.tag(k).is_some_and(Tag::is_adverb)
    }

    /// Reads verbs and adverbs from `j` (a verb) to the main verb; returns
    /// the index after the group so far.
    fn auxiliary_chain(&self, mut j: usize, vg: &mut VerbGroup) -> usize {
        loop {
            let Some(tag) = self.tag(j) else { return j };
            if tag == Tag::MD {
                if vg.modal.is_none() {
                    vg.modal = self.grammar.modal(self.lower(j));
                    vg.modal_at = Some(j);
                }
            } else if tag.is_verb() {
                if j != vg.main {
                    vg.passive = matches!(self.lemma(vg.main), "be" | "get")
                        && matches!(tag, Tag::VBN | Tag::VBD);
                }
                vg.main = j;
            } else if !self.note_adverb(j, vg) {
                return j;
            }
            // After a full verb, the group is done.
            if tag.is_verb() && !self.auxiliary(j) {
                return j + 1;
            }
            // "no longer" is read a word at a time, by `note_adverb`.
            let next = j + 1;
            let goes_on = self
                .tag(next)
                .is_some_and(|t| is_verbal(t) || t.is_adverb())
                || self.no_longer(next)
                || self.no_longer(j);
            if !goes_on {
                return next;
            }
            j = next;
        }
    }

    /// Records an adverb at `k` in the group: a negation, a hedge. Returns
    /// whether `k` was an adverb (or "no longer").
    fn note_adverb(&self, k: usize, vg: &mut VerbGroup) -> bool {
        let word = self.lower(k);
        if self.grammar.is_negator(word) || self.no_longer(k) {
            vg.negated = true;
        }
        vg.hedged |= self.grammar.is_hedging_adverb(word);
        self.tag(k).is_some_and(Tag::is_adverb) || self.no_longer(k) || word == "longer"
    }

    /// "no longer" at `k`.
    fn no_longer(&self, k: usize) -> bool {
        self.lower(k) == "no" && self.lower(k + 1) == "longer"
    }

    /// Whether token `k` is a helping verb: a modal, or be, have, do, get.
    fn auxiliary(&self, k: usize) -> bool {
        match self.tag(k) {
            Some(Tag::MD) => true,
            Some(t) if t.is_verb() => AUXILIARIES.contains(&self.lemma(k)),
            _ => false,
        }
    }

    /// When the group so far ends before "to" and a verb, and its main
    /// verb (or "yet", or "be" and an adjective: "is likely to") governs
    /// an infinitive: the class and where the governed verb is.
    fn catenative_step(&self, j: usize, vg: &VerbGroup) -> Option<(VerbClass, usize)> {
        let (class, to) = self.governor_at(j, vg)?;
        if self.tag(to) != Some(Tag::TO) {
            return None;
        }
        let verb = (to + 1..to + 3).find(|&k| self.tag(k).is_some_and(Tag::is_verb))?;
        let adverbs_only = (to + 1..verb).all(|k| self.tag(k).is_some_and(Tag::is_adverb));
        adverbs_only.then_some((class, verb))
    }

    /// The class of what governs an infinitive at `j`: the main verb
    /// itself, "yet" after it, or an adjective after "be".
    fn governor_at(&self, j: usize, vg: &VerbGroup) -> Option<(VerbClass, usize)> {
        let lemma = self.lemma(vg.main);
        let word = self.lower(j);
        if j > 0 && self.lower(j - 1) == "yet" {
            return Some((VerbClass::Negating, j));
        }
        if lemma == "be"
            && self
                .tag(j)
                .is_some_and(|t| t.is_adjective() || t == Tag::IN)
        {
            let class = self.verb_class(word)?;
            return Some((class, j + 1));
        }
        let class = match self.verb_class(lemma) {
            // "is said to", "was believed to": hedged.
            None if vg.passive && self.reports(lemma) => VerbClass::Hedging,
            other => other?,
        };
        Some((class, j))
    }

    /// The strongest catenative class of a lemma.
    pub(crate) fn verb_class(&self, lemma: &str) -> Option<VerbClass> {
        CATENATIVE
            .into_iter()
            .find(|&c| self.grammar.verb_is(lemma, c))
    }

    /// A verb that reports speech, belief or a claim.
    pub(crate) fn reports(&self, lemma: &str) -> bool {
        [VerbClass::Speech, VerbClass::Cognition, VerbClass::Claim]
            .into_iter()
            .any(|c| self.grammar.verb_is(lemma, c))
    }
}

/// A verb or modal.
fn is_verbal(tag: Tag) -> bool {
    tag.is_verb() || tag == Tag::MD
}

/// The stronger of two catenative classes.
fn stronger(a: Option<VerbClass>, b: VerbClass) -> Option<VerbClass> {
    let rank = |c: VerbClass| {
        CATENATIVE
            .iter()
            .position(|&x| x == c)
            .unwrap_or(usize::MAX)
    };
    Some(match a {
        Some(a) if rank(a) <= rank(b) => a,
        _ => b,
    })
}
