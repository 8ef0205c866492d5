//! Roles and moods: which clause reports, proposes, conditions or merely
//! states another, and how much each asserts.

use super::clause::{Clause, Found, Mood, Role};
use super::grammar::{ModalForce, Subordinate, VerbClass};
use super::phrase::{Chunk, Reader};
use super::tag::Tag;

/// The classes of a verb that reports another clause, strongest first.
const REPORTING: [VerbClass; 5] = [
    VerbClass::Denial,
    VerbClass::Claim,
    VerbClass::Question,
    VerbClass::Cognition,
    VerbClass::Speech,
];

impl Reader<'_, '_> {
    /// Sets each clause's role from the words that join it to the others.
    pub(super) fn assign_roles(&self, chunks: &[Chunk], found: &mut [Found]) {
        for k in 0..found.len() {
            let role = self.role_of(chunks, found, k);
            if let Some(f) = found.get_mut(k) {
                f.clause.role = role;
            }
            self.controlled_subject(chunks, found, k);
        }
        self.trailing_attribution(chunks, found);
        for f in found.iter_mut() {
            if let Role::Complement {
                class: VerbClass::Denial,
                ..
            } = f.clause.role
            {
                f.clause.negated = !f.clause.negated;
            }
        }
    }

    /// The role of clause `k`.
    fn role_of(&self, chunks: &[Chunk], found: &[Found], k: usize) -> Role {
        let Some(f) = found.get(k) else {
            return Role::Main;
        };
        if f.relative || f.clause.role == Role::Relative {
            return Role::Relative;
        }
        if let Some(kind) = self.subordinator_before(chunks, f.from) {
            return Role::Subordinate(kind);
        }
        let previous = k.checked_sub(1).and_then(|p| found.get(p).map(|g| (p, g)));
        if f.clause.subject.is_some() && self.after_content_noun(chunks, f.from) {
            // "denied reports that a strike had begun": the denial is of
            // what the reports say.
            return match previous {
                Some((p, g)) if self.denies_noun_before(g, chunks, f.from) => Role::Complement {
                    governor: p,
                    class: VerbClass::Denial,
                },
                _ => Role::Claimed,
            };
        }
        if f.clause.verb.infinitive {
            if self.in_order_to(f.clause.verb.start) {
                return Role::Purpose;
            }
            return match previous {
                Some((p, g)) if self.governs_infinitive(chunks, g, f) => {
                    Role::Proposed { governor: p }
                }
                _ => Role::Purpose,
            };
        }
        let Some((p, g)) = previous.filter(|_| !f.shared) else {
            return Role::Main;
        };
        if !self.joined_as_complement(chunks, g, f) {
            return Role::Main;
        }
        // "demanded that the officers be suspended".
        let verb = self.predicate(&g.clause.verb);
        let that = f.from.checked_sub(1).is_some_and(
            |k| matches!(chunks.get(k), Some(Chunk::Word(w)) if self.word_is(*w, &["that"])),
        );
        if that
            && self.grammar.verb_is(&verb, VerbClass::Proposing)
            && self.reporting_class(&g.clause).is_none()
        {
            return Role::Proposed { governor: p };
        }
        match self.reporting_class(&g.clause) {
            Some(class) => Role::Complement { governor: p, class },
            None => Role::Main,
        }
    }

    /// "reports that [the mayor lied]": "that" after a noun of claim, just
    /// before chunk `from`.
    fn after_content_noun(&self, chunks: &[Chunk], from: usize) -> bool {
        let (Some(that), Some(noun)) = (from.checked_sub(1), from.checked_sub(2)) else {
            return false;
        };
        let that = matches!(chunks.get(that), Some(Chunk::Word(w)) if self.word_is(*w, &["that"]));
        that && matches!(chunks.get(noun), Some(Chunk::Noun(np)) if self.grammar.is_content_noun(self.lemma(np.head)))
    }

    /// Whether clause `g` denies the noun of claim just before "that" at
    /// chunk `from`: "denied [reports] that".
    fn denies_noun_before(&self, g: &Found, chunks: &[Chunk], from: usize) -> bool {
        let noun = from.checked_sub(2).and_then(|k| chunks.get(k));
        let object = matches!(noun, Some(Chunk::Noun(np)) if g.clause.object.as_ref() == Some(np));
        object && self.reporting_class(&g.clause) == Some(VerbClass::Denial)
    }

    /// "in order to", "so as to" before the infinitive at token `to`.
    fn in_order_to(&self, to: usize) -> bool {
        to >= 2
            && matches!(
                (self.lower(to - 2), self.lower(to - 1)),
                ("in", "order") | ("so", "as")
            )
    }

    /// The kind of a subordinator just before chunk `from`.
    fn subordinator_before(&self, chunks: &[Chunk], from: usize) -> Option<Subordinate> {
        let k = from.checked_sub(1)?;
        match chunks.get(k)? {
            Chunk::Word(w) => self.grammar.subordinator(self.lower(*w)),
            _ => None,
        }
    }

    /// Whether the infinitive `f` is what clause `g` asks for or plans:
    /// "urged the city to reopen", "plans to close", "a call to end".
    fn governs_infinitive(&self, chunks: &[Chunk], g: &Found, f: &Found) -> bool {
        let proposing = self
            .grammar
            .verb_is(&self.predicate(&g.clause.verb), VerbClass::Proposing);
        let after_noun =
            f.at.checked_sub(1)
                .is_some_and(|k| matches!(chunks.get(k), Some(Chunk::Noun(_))));
        after_noun
            && (proposing
                || g.clause
                    .object
                    .as_ref()
                    .is_none_or(|o| o.end <= f.clause.verb.start))
    }

    /// "urged the city to reopen the clinic": the city reopens; "vowed to
    /// win": the subject of the vow wins.
    fn controlled_subject(&self, chunks: &[Chunk], found: &mut [Found], k: usize) {
        let Some(p) = k.checked_sub(1) else { return };
        let (Some(g), Some(f)) = (found.get(p), found.get(k)) else {
            return;
        };
        if !f.clause.verb.infinitive || f.clause.subject.is_some() {
            return;
        }
        let object_before = f.at.checked_sub(1).and_then(|b| match chunks.get(b) {
            Some(Chunk::Noun(np)) if g.clause.object.as_ref() == Some(np) => Some(np.clone()),
            _ => None,
        });
        let subject = object_before.or_else(|| g.clause.subject.clone());
        if let Some(f) = found.get_mut(k) {
            f.clause.subject = subject;
        }
    }

    /// Whether clause `f` follows reporting clause `g` as what it
    /// reports: only its object ("told reporters"), "that", commas or
    /// quote marks between.
    fn joined_as_complement(&self, chunks: &[Chunk], g: &Found, f: &Found) -> bool {
        let between = chunks.get(g.at + 1..f.from).unwrap_or_default();
        between.iter().all(|c| match c {
            // "told reporters", "said on Monday".
            Chunk::Noun(_) => true,
            Chunk::Word(w) => {
                self.word_is(*w, &["that", ",", ":", "whether", "if"])
                    || self.tag(*w) == Some(Tag::IN)
                    || matches!(self.tag(*w), Some(Tag::Open | Tag::Close))
                    || self.tag(*w).is_some_and(Tag::is_adverb)
            }
            _ => false,
        })
    }

    /// "The talks collapsed, the minister said." / "..., said the
    /// minister.": the last clause reports those before it.
    fn trailing_attribution(&self, chunks: &[Chunk], found: &mut [Found]) {
        let Some(last) = found.len().checked_sub(1) else {
            return;
        };
        let Some(g) = found.get(last) else { return };
        let Some(class) = self.reporting_class(&g.clause) else {
            return;
        };
        let after_mark = g.from.checked_sub(1).is_some_and(|k| {
            matches!(chunks.get(k), Some(Chunk::Word(w)) if self.word_is(*w, &[","]) || self.tag(*w) == Some(Tag::Close))
        });
        if !after_mark || last == 0 {
            return;
        }
        for f in found.iter_mut().take(last) {
            if f.clause.role == Role::Main {
                f.clause.role = Role::Complement {
                    governor: last,
                    class,
                };
            }
        }
    }

    /// The reporting class of a clause's verb, if it reports.
    pub(crate) fn reporting_class(&self, clause: &Clause) -> Option<VerbClass> {
        let lemma = self.predicate(&clause.verb);
        REPORTING
            .into_iter()
            .find(|&c| self.grammar.verb_is(&lemma, c))
    }

    /// The mood of clause `k`, its governor's already set.
    pub(super) fn mood_of(
        &self,
        clauses: &[Clause],
        k: usize,
        question: bool,
        conditional: bool,
    ) -> Mood {
        let Some(c) = clauses.get(k) else {
            return Mood::Asserted;
        };
        let mut mood = match c.role {
            Role::Subordinate(Subordinate::Conditional) => Mood::Conditional,
            Role::Subordinate(Subordinate::Question) => Mood::Question,
            Role::Purpose => Mood::Purpose,
            Role::Proposed { .. } => Mood::Proposed,
            Role::Claimed => Mood::Claimed,
            Role::Complement { class, .. } => match class {
                VerbClass::Claim => Mood::Claimed,
                VerbClass::Cognition => Mood::Hedged,
                VerbClass::Question => Mood::Question,
                _ => Mood::Asserted,
            },
            _ => Mood::Asserted,
        };
        if let Role::Complement { governor, .. } | Role::Proposed { governor } = c.role
            && let Some(g) = clauses.get(governor).filter(|_| governor < k)
            && g.mood >= Mood::Proposed
        {
            mood = mood.max(g.mood);
        }
        let mut own = verb_mood(self, c);
        // "said it would close": the future of the past.
        if matches!(c.role, Role::Complement { .. }) && self.modal_word(c) == "would" {
            own = own.max(Mood::Expected).min(Mood::Expected);
        }
        mood = mood.max(own);
        if conditional && c.role == Role::Main && matches!(mood, Mood::Expected | Mood::Hedged) {
            mood = Mood::Conditional;
        }
        if question {
            mood = Mood::Question;
        }
        mood
    }
}

impl Reader<'_, '_> {
    /// The modal of a clause, lower case, or "".
    fn modal_word(&self, c: &Clause) -> &str {
        c.verb.modal_at.map_or("", |m| self.lower(m))
    }
}

/// What the verb group alone says of the clause's mood.
fn verb_mood(reader: &Reader<'_, '_>, c: &Clause) -> Mood {
    let from_catenative = match c.verb.catenative {
        Some(VerbClass::Proposing) => Mood::Proposed,
        Some(VerbClass::Expecting) => Mood::Expected,
        Some(VerbClass::Hedging) => Mood::Hedged,
        _ => Mood::Asserted,
    };
    // "could not", "cannot": an ability denied, not a hedge.
    let ability = c.verb.negated && matches!(reader.modal_word(c), "could" | "can" | "ca");
    let from_modal = match c.verb.modal {
        _ if ability => Mood::Asserted,
        Some(ModalForce::Expected) => Mood::Expected,
        Some(ModalForce::Hedged) => Mood::Hedged,
        Some(ModalForce::Proposed) => Mood::Proposed,
        _ => Mood::Asserted,
    };
    let hedged = if c.verb.hedged {
        Mood::Hedged
    } else {
        Mood::Asserted
    };
    from_catenative.max(from_modal).max(hedged)
}
