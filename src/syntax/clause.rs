//! Clauses: a verb group with its subject, object or complement and the
//! agent of a passive, and the clause's role in its sentence.

use super::grammar::{Subordinate, VerbClass};
use super::phrase::{Chunk, NounPhrase, Reader, VerbGroup};
use super::tag::Tag;

/// How a clause stands in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Stands on its own.
    Main,
    /// What a verb of speech, belief, claim, denial or asking reports: the
    /// clause at `governor` and the class of its verb.
    Complement { governor: usize, class: VerbClass },
    /// "who scored twice", "the man arrested on Monday".
    Relative,
    /// "to secure a loan".
    Purpose,
    /// Opened by "if", "after", "because", "whether".
    Subordinate(Subordinate),
    /// What another clause asks, plans or proposes: "urged the city to
    /// reopen the clinic".
    Proposed { governor: usize },
    /// What a noun of claim or report holds: "criticism that the mayor
    /// lied".
    Claimed,
}

/// How much a clause asserts, before a speaker or a lexicon weighs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Mood {
    /// Stated as fact.
    Asserted,
    /// "may", "reportedly", "is believed to", "fear that".
    Hedged,
    /// "will", "is expected to".
    Expected,
    /// "claimed that", "alleged".
    Claimed,
    /// Called for, planned, urged, "must".
    Proposed,
    /// "to secure a loan".
    Purpose,
    /// Under "if" or "unless".
    Conditional,
    /// Asked.
    Question,
}

/// One clause of a sentence; token indices into the sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Clause {
    /// The verb group.
    pub(crate) verb: VerbGroup,
    /// The subject, when one is found; for a relative clause, the noun it
    /// describes; for a shared subject ("fled and was arrested"), the
    /// first verb's.
    pub(crate) subject: Option<NounPhrase>,
    /// The direct object, or a noun after a copula.
    pub(crate) object: Option<NounPhrase>,
    /// An adjective after a copula: "open" in "the road is open".
    pub(crate) complement: Option<usize>,
    /// The agent of a passive: "the senate" in "rejected by the senate".
    pub(crate) agent: Option<NounPhrase>,
    /// The clause's role.
    pub(crate) role: Role,
    /// How much it asserts.
    pub(crate) mood: Mood,
    /// Whether it says the act did not happen: its verb group, a "no" on
    /// its subject or object, or a verb of denial over it.
    pub(crate) negated: bool,
    /// Its object is only called for or proposed: "called for an end to
    /// the strike".
    pub(crate) irrealis_object: bool,
    /// The preposition of a verb that takes one: "for" in "called for".
    pub(crate) preposition: Option<usize>,
    /// Other subjects joined to the first: "Valdora and Serenth signed".
    pub(crate) conjuncts: Vec<NounPhrase>,
    /// The prepositional phrases after the verb or object that narrow the
    /// act ("in Morazan", "to trucks"): the preposition's token and its
    /// noun phrase. The agent's "by" is not among them.
    pub(crate) adjuncts: Vec<(usize, NounPhrase)>,
    /// First and one past the last token of the clause's words.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// A clause found, before roles: where its verb and subject chunks are.
pub(super) struct Found {
    pub(super) clause: Clause,
    /// The chunk of its verb.
    pub(super) at: usize,
    /// The chunk where its words begin (its subject, or its verb).
    pub(super) from: usize,
    /// Its subject is a relative pronoun's noun.
    pub(super) relative: bool,
    /// Its subject is shared with the clause before ("fled and was").
    pub(super) shared: bool,
}

impl Reader<'_, '_> {
    /// The clauses of the sentence, in the order of their verbs.
    pub(crate) fn clauses(&self, chunks: &[Chunk]) -> Vec<Clause> {
        let mut found: Vec<Found> = Vec::new();
        for (at, chunk) in chunks.iter().enumerate() {
            let Chunk::Verb(vg) = chunk else { continue };
            found.push(self.clause_at(chunks, at, vg, found.last()));
        }
        self.assign_roles(chunks, &mut found);
        let question = self.tokens.last().is_some_and(|t| t.text == "?");
        let conditional = found
            .iter()
            .any(|f| f.clause.role == Role::Subordinate(Subordinate::Conditional));
        let mut clauses: Vec<Clause> = found.into_iter().map(|f| f.clause).collect();
        for k in 0..clauses.len() {
            let mood = self.mood_of(&clauses, k, question, conditional);
            if let Some(c) = clauses.get_mut(k) {
                c.mood = mood;
            }
        }
        clauses
    }

    /// The clause of the verb group at chunk `at`.
    fn clause_at(
        &self,
        chunks: &[Chunk],
        at: usize,
        vg: &VerbGroup,
        last: Option<&Found>,
    ) -> Found {
        let (subject, from, relative, shared) = match self.subject_before(chunks, at, vg) {
            Subject::Phrase(np, from) => (Some(np), from, false, false),
            Subject::Relative(np, from) => (Some(np), from, true, false),
            Subject::Shared => (last.and_then(|l| l.clause.subject.clone()), at, false, true),
            Subject::None => (None, at, false, false),
        };
        let (object, complement, preposition, end) = self.object_after(chunks, at, vg, relative);
        let irrealis_object = object.is_some()
            && (preposition.is_some()
                || self
                    .grammar
                    .verb_is(&self.predicate(vg), VerbClass::IrrealisObject));
        let adjuncts = self.adjuncts_after(chunks, end);
        let conjuncts = match &subject {
            Some(_) if !shared && !relative => self.conjuncts_before(chunks, from),
            _ => Vec::new(),
        };
        let agent = vg.passive.then(|| self.agent_after(chunks, at)).flatten();
        let negative = |np: &Option<NounPhrase>| np.as_ref().is_some_and(|n| n.negative);
        let negated = vg.negated ^ (negative(&subject) && !shared) ^ negative(&object);
        let start = chunk_start(chunks, from).unwrap_or(vg.start);
        let clause = Clause {
            verb: vg.clone(),
            subject,
            object,
            complement,
            agent,
            role: if vg.participle && relative_participle(chunks, at) {
                Role::Relative
            } else {
                Role::Main
            },
            mood: Mood::Asserted,
            negated,
            irrealis_object,
            preposition,
            conjuncts,
            adjuncts,
            start,
            end: end.max(vg.end),
        };
        Found {
            clause,
            at,
            from,
            relative,
            shared,
        }
    }
}

/// What stands before a verb group as its subject.
enum Subject {
    /// A noun phrase, and the chunk where it begins.
    Phrase(NounPhrase, usize),
    /// The noun a relative pronoun stands for.
    Relative(NounPhrase, usize),
    /// "and" after another clause: that clause's subject.
    Shared,
    None,
}

impl Reader<'_, '_> {
    /// The subject of the verb group at chunk `at`.
    fn subject_before(&self, chunks: &[Chunk], at: usize, vg: &VerbGroup) -> Subject {
        if vg.infinitive {
            return Subject::None;
        }
        let mut k = at;
        while k > 0 && self.is_adverb_chunk(chunks.get(k - 1)) {
            k -= 1;
        }
        let Some(before) = k.checked_sub(1) else {
            return Subject::None;
        };
        match chunks.get(before) {
            Some(Chunk::Noun(np)) => {
                let (np, from) = self.chain_start(chunks, before, np);
                match self.past_relative(chunks, from) {
                    Some((antecedent, at)) => Subject::Phrase(antecedent, at),
                    None => Subject::Phrase(np, from),
                }
            }
            Some(Chunk::Word(w)) if self.word_is(*w, &[","]) => self.past_aside(chunks, before),
            Some(Chunk::Word(w)) if self.relative_pronoun(*w) => {
                match self.noun_before(chunks, before) {
                    Some((np, from)) => Subject::Relative(np, from),
                    None => Subject::None,
                }
            }
            Some(Chunk::Word(w)) if self.word_is(*w, &["and", "but", "or"]) => Subject::Shared,
            _ => Subject::None,
        }
    }

    /// From a noun phrase at chunk `at`, back over "of the opposition" to
    /// the phrase it qualifies: "the leader of the opposition".
    fn chain_start(&self, chunks: &[Chunk], mut at: usize, np: &NounPhrase) -> (NounPhrase, usize) {
        let mut np = np.clone();
        while at >= 2 {
            let (Some(Chunk::Word(p)), Some(Chunk::Noun(n))) =
                (chunks.get(at - 1), chunks.get(at - 2))
            else {
                break;
            };
            let preposition = self.tag(*p) == Some(Tag::IN)
                && self.grammar.subordinator(self.lower(*p)).is_none()
                && !self.word_is(*p, &["that"]);
            if !preposition {
                break;
            }
            np = n.clone();
            at -= 2;
        }
        (np, at)
    }

    /// "the bodies that were recovered from the ferry had": the noun at
    /// chunk `from` ends a relative clause or a participle's phrase, and
    /// the subject is the noun that clause describes.
    fn past_relative(&self, chunks: &[Chunk], from: usize) -> Option<(NounPhrase, usize)> {
        let mut k = from.checked_sub(1)?;
        for _ in 0..2 {
            if matches!(chunks.get(k), Some(Chunk::Word(w)) if matches!(self.tag(*w), Some(Tag::IN | Tag::RP | Tag::TO)))
            {
                k = k.checked_sub(1)?;
            }
        }
        let Some(Chunk::Verb(vg)) = chunks.get(k) else {
            return None;
        };
        let opener = k.checked_sub(1)?;
        let antecedent_at = match chunks.get(opener)? {
            Chunk::Word(w) if self.relative_pronoun(*w) || self.word_is(*w, &["that"]) => {
                opener.checked_sub(1)?
            }
            Chunk::Noun(_) if vg.participle => opener,
            _ => return None,
        };
        match chunks.get(antecedent_at)? {
            Chunk::Noun(np) => Some(self.chain_start(chunks, antecedent_at, np)),
            _ => None,
        }
    }

    /// "Ana, a nurse from the town, won": back over the aside between
    /// commas to the noun before it. `comma` is the chunk of the second.
    fn past_aside(&self, chunks: &[Chunk], comma: usize) -> Subject {
        let opening = (0..comma)
            .rev()
            .take(12)
            .find(|&k| matches!(chunks.get(k), Some(Chunk::Word(w)) if self.word_is(*w, &[","])));
        let Some(open) = opening else {
            return Subject::None;
        };
        let aside_ok = match chunks.get(open + 1) {
            Some(Chunk::Noun(_)) => !chunks[open + 1..comma]
                .iter()
                .any(|c| matches!(c, Chunk::Verb(v) if !v.participle)),
            Some(Chunk::Word(w)) => self.relative_pronoun(*w),
            _ => false,
        };
        match (aside_ok, open.checked_sub(1).and_then(|k| chunks.get(k))) {
            (true, Some(Chunk::Noun(np))) => {
                let (np, from) = self.chain_start(chunks, open - 1, np);
                Subject::Phrase(np, from)
            }
            _ => Subject::None,
        }
    }

    /// The noun phrase a relative pronoun at chunk `at` refers to.
    fn noun_before(&self, chunks: &[Chunk], at: usize) -> Option<(NounPhrase, usize)> {
        let mut k = at.checked_sub(1)?;
        if matches!(chunks.get(k), Some(Chunk::Word(w)) if self.word_is(*w, &[","])) {
            k = k.checked_sub(1)?;
        }
        match chunks.get(k) {
            Some(Chunk::Noun(np)) => Some(self.chain_start(chunks, k, np)),
            _ => None,
        }
    }

    /// The object or complement after the verb group at chunk `at`:
    /// (object, adjective, the preposition of "call for", end token).
    fn object_after(
        &self,
        chunks: &[Chunk],
        at: usize,
        vg: &VerbGroup,
        relative: bool,
    ) -> (Option<NounPhrase>, Option<usize>, Option<usize>, usize) {
        let mut k = at + 1;
        while self.is_adverb_chunk(chunks.get(k)) {
            k += 1;
        }
        let verb = self.predicate(vg);
        // "called for an end": a verb and its preposition.
        let mut preposition = None;
        if let Some(Chunk::Word(p)) = chunks.get(k)
            && self.tag(*p) == Some(Tag::IN)
        {
            let phrasal = format!("{verb} {}", self.lower(*p));
            if !self.grammar.verb_is(&phrasal, VerbClass::IrrealisObject) {
                return (None, None, None, vg.end);
            }
            preposition = Some(*p);
            k += 1;
        }
        match chunks.get(k) {
            // In a relative clause, the verb after the object is the main
            // clause's: "who cleared [the road] were thanked".
            Some(Chunk::Noun(np))
                if !self.is_time(np) && (relative || !self.opens_clause(chunks, k)) =>
            {
                (Some(np.clone()), None, preposition, np.end)
            }
            Some(Chunk::Adjective(a)) if !vg.passive && preposition.is_none() => {
                (None, Some(*a), None, a + 1)
            }
            _ => (None, None, None, vg.end),
        }
    }

    /// "Valdora and Serenth signed": the subjects before the last one,
    /// whose phrase begins at chunk `from`.
    fn conjuncts_before(&self, chunks: &[Chunk], from: usize) -> Vec<NounPhrase> {
        let mut out = Vec::new();
        let mut k = from;
        while k >= 2 {
            let (Some(Chunk::Word(w)), Some(Chunk::Noun(np))) =
                (chunks.get(k - 1), chunks.get(k - 2))
            else {
                break;
            };
            if !self.word_is(*w, &["and", "or"]) {
                break;
            }
            out.push(np.clone());
            k -= 2;
        }
        out
    }

    /// The prepositional phrases from token `from` on, up to the next verb,
    /// clause word or comma: "in Morazan", "for a rape in Clinton".
    fn adjuncts_after(&self, chunks: &[Chunk], from: usize) -> Vec<(usize, NounPhrase)> {
        let mut k = chunks.partition_point(|c| chunk_start_of(c) < from);
        let mut out = Vec::new();
        while out.len() < 4 {
            while self.is_adverb_chunk(chunks.get(k)) {
                k += 1;
            }
            let (Some(Chunk::Word(p)), Some(Chunk::Noun(np))) = (chunks.get(k), chunks.get(k + 1))
            else {
                break;
            };
            let preposition = matches!(self.tag(*p), Some(Tag::IN | Tag::TO))
                && self.grammar.subordinator(self.lower(*p)).is_none()
                && !self.word_is(*p, &["by", "that", "of"]);
            if !preposition {
                // "of" and "by" phrases belong to a noun or the agent; step over them.
                if self.word_is(*p, &["of", "by"]) {
                    k += 2;
                    continue;
                }
                break;
            }
            out.push((*p, np.clone()));
            k += 2;
        }
        out
    }

    /// "by the senate" after a passive verb.
    fn agent_after(&self, chunks: &[Chunk], at: usize) -> Option<NounPhrase> {
        (at + 1..at + 4).find_map(|k| match (chunks.get(k), chunks.get(k + 1)) {
            (Some(Chunk::Word(w)), Some(Chunk::Noun(np))) if self.word_is(*w, &["by"]) => {
                Some(np.clone())
            }
            _ => None,
        })
    }

    /// A noun phrase at chunk `k` that is the subject of a finite verb
    /// right after it: "said [profits] fell".
    fn opens_clause(&self, chunks: &[Chunk], k: usize) -> bool {
        let mut n = k + 1;
        while self.is_adverb_chunk(chunks.get(n)) {
            n += 1;
        }
        matches!(chunks.get(n), Some(Chunk::Verb(v)) if !v.infinitive && !v.participle)
    }

    /// A time, not an object: "closed last week", "met Monday".
    fn is_time(&self, np: &NounPhrase) -> bool {
        const TIMES: [&str; 20] = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "today",
            "yesterday",
            "tomorrow",
            "week",
            "month",
            "year",
            "day",
            "night",
            "morning",
            "evening",
            "afternoon",
            "weekend",
            "time",
        ];
        TIMES.contains(&self.lower(np.head))
    }

    /// The predicate of a verb group: its main verb's lemma, with the
    /// particle if any ("break down").
    pub(crate) fn predicate(&self, vg: &VerbGroup) -> String {
        let lemma = self.lemma(vg.main);
        match vg.particle {
            Some(p) => format!("{lemma} {}", self.lower(p)),
            None => lemma.to_string(),
        }
    }

    fn is_adverb_chunk(&self, chunk: Option<&Chunk>) -> bool {
        matches!(chunk, Some(Chunk::Word(w)) if self.tag(*w).is_some_and(Tag::is_adverb))
    }

    fn relative_pronoun(&self, w: usize) -> bool {
        matches!(self.tag(w), Some(Tag::WDT | Tag::WP))
            || (self.word_is(w, &["that"]) && self.tag(w) == Some(Tag::WDT))
    }

    pub(crate) fn word_is(&self, w: usize, words: &[&str]) -> bool {
        let lower = self.lower(w);
        words.contains(&lower)
    }
}

/// The first token of a chunk.
fn chunk_start_of(chunk: &Chunk) -> usize {
    match chunk {
        Chunk::Noun(np) => np.start,
        Chunk::Verb(vg) => vg.start,
        Chunk::Adjective(a) | Chunk::Word(a) => *a,
    }
}

/// The first token of chunk `k`.
fn chunk_start(chunks: &[Chunk], k: usize) -> Option<usize> {
    chunks.get(k).map(chunk_start_of)
}

/// A participle right after a noun: "the man arrested on Monday".
fn relative_participle(chunks: &[Chunk], at: usize) -> bool {
    at.checked_sub(1)
        .is_some_and(|k| matches!(chunks.get(k), Some(Chunk::Noun(_))))
}
