//! The syntax layer's clauses, read for extraction: a generic statement
//! for each clause, the mood a lexicon hit takes from the clause it sits
//! in, and whether a status word is used as the kind of word it was
//! listed as.

use super::{Modality, Polarity, Roles};
use crate::lexicon::Lexicon;
use crate::span::Span;
use crate::syntax::clause::{Clause, Mood, Role};
use crate::syntax::grammar::VerbClass;
use crate::syntax::phrase::{Chunk, NounPhrase, Reader};
use crate::syntax::reading::Parsed;
use crate::syntax::tag::Tag;

/// Subjects that name nothing on their own: a clause about "he" or "it"
/// is not compared with another source's "he".
const UNRESOLVED: [&str; 30] = [
    "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "this", "that",
    "there", "who", "these", "those", "all", "both", "some", "none", "each", "any", "many", "few",
    "several", "most", "another", "neither",
];

/// A clause read as a generic statement.
#[derive(Clone)]
pub(super) struct ClauseFact {
    /// The verb's span in the sentence.
    pub(super) at: Span,
    /// The clause's words, from its subject to its object.
    pub(super) reach: Span,
    /// Its subject's words.
    pub(super) subject: Span,
    /// Active, with an object: its subject acts on something else.
    pub(super) transitive: bool,
    pub(super) roles: Roles,
    pub(super) polarity: Polarity,
    pub(super) modality: Modality,
}

/// The modality of a clause's mood.
pub(super) fn modality_of(mood: Mood) -> Modality {
    match mood {
        Mood::Asserted => Modality::Asserted,
        Mood::Hedged => Modality::Hedged,
        Mood::Expected => Modality::Expected,
        Mood::Claimed => Modality::ReportedClaim,
        Mood::Proposed => Modality::Proposed,
        Mood::Purpose => Modality::Purpose,
        Mood::Conditional => Modality::Conditional,
        Mood::Question => Modality::Question,
    }
}

/// The generic statements of a parsed sentence: one for each clause with
/// a named subject, whose verb says more than "be" or "have".
pub(super) fn clause_facts(parsed: &Parsed<'_>) -> Vec<ClauseFact> {
    let reader = parsed.reader();
    // A verb that reports another clause says who speaks, not what happened.
    let reports = |k: usize| {
        parsed
            .clauses
            .iter()
            .any(|c| matches!(c.role, Role::Complement { governor, .. } if governor == k))
    };
    parsed
        .clauses
        .iter()
        .enumerate()
        .filter(|&(k, _)| !reports(k))
        .flat_map(|(_, c)| match clause_fact(&reader, c) {
            Some(fact) => scoped(&reader, c, fact),
            None => Vec::new(),
        })
        .collect()
}

/// A clause's statement with what narrows it. A denial is only as wide as
/// what it names ("was not built during the war" denies no building at
/// another time), so a negated clause's verb carries its phrases; an
/// affirmed clause is said plainly and once with each phrase, so that
/// either may meet a denial.
fn scoped(reader: &Reader<'_, '_>, c: &Clause, fact: ClauseFact) -> Vec<ClauseFact> {
    let scopes: Vec<String> = c
        .adjuncts
        .iter()
        .filter(|(p, np)| !names_the_event(reader, *p, np))
        .filter_map(|(p, np)| Some(format!("{} {}", reader.lower(*p), place(reader, np)?)))
        .collect();
    if scopes.is_empty() {
        return vec![fact];
    }
    let with = |fact: &ClauseFact, scope: &str| {
        let mut f = fact.clone();
        f.roles.verb = format!("{} {scope}", f.roles.verb);
        f
    };
    match fact.polarity {
        Polarity::Negated => vec![with(&fact, &scopes.join(" "))],
        Polarity::Affirmed => {
            let mut out: Vec<ClauseFact> = scopes.iter().map(|s| with(&fact, s)).collect();
            out.push(fact);
            out
        }
    }
}

/// "in the bombings", "over the attack": a phrase that names the story's
/// event does not narrow the act ("no arrest has been made in the
/// bombings" denies any arrest); "during the war" does.
fn names_the_event(reader: &Reader<'_, '_>, p: usize, np: &NounPhrase) -> bool {
    use crate::wordnet::{NounClass, WordNet};
    let about = reader.word_is(
        p,
        &["in", "over", "for", "with", "into", "about", "on", "after"],
    );
    let lemma = reader.lemma(np.head);
    let class = WordNet::builtin().noun_class(lemma);
    about && matches!(class, Some(NounClass::Act | NounClass::Event))
}

/// What a phrase after a preposition names: its first name ("Morazan" in
/// "Morazan department"), else its head's lemma.
fn place(reader: &Reader<'_, '_>, np: &NounPhrase) -> Option<String> {
    let first_name = (np.start..=np.head).find(|&k| reader.tag(k).is_some_and(Tag::is_proper));
    match first_name {
        Some(k) if k != np.head => Some(reader.lower(k).to_string()),
        _ => named(reader, np),
    }
}

fn clause_fact(reader: &Reader<'_, '_>, c: &Clause) -> Option<ClauseFact> {
    // "said", "believes": who speaks or thinks, not what happened.
    let mut verb = reader.predicate(&c.verb);
    if [VerbClass::Speech, VerbClass::Cognition]
        .into_iter()
        .any(|v| reader.grammar.verb_is(&verb, v))
        && c.object.is_none()
    {
        return None;
    }
    let np = c.subject.as_ref()?;
    let subject_span = span_of(reader, np.start, np.end);
    let subject = named(reader, np)?;
    let copula = reader.grammar.verb_is(&verb, VerbClass::Copula) && !c.verb.passive;
    let mut object = match &c.object {
        Some(np) => Some(named(reader, np)?),
        None => None,
    };
    if let Some(a) = c.complement {
        verb = format!("{verb} {}", reader.lower(a));
    } else if copula && let Some(noun) = object.take() {
        // "X is a musician": what the subject is, said of the subject.
        verb = format!("{verb} {noun}");
    } else if matches!(verb.as_str(), "be" | "have" | "do" | "get") {
        return None;
    }
    let agent = c.agent.as_ref().and_then(|np| named(reader, np));
    let transitive = !c.verb.passive && object.is_some();
    let (patient, agent) = match (c.verb.passive, object) {
        (true, _) => (subject, agent),
        (false, Some(object)) => (object, Some(subject)),
        (false, None) => (subject, None),
    };
    let main = reader.tokens.get(c.verb.main)?.span;
    let end = c
        .verb
        .particle
        .and_then(|p| reader.tokens.get(p))
        .map_or(main.end, |t| t.span.end);
    let words = span_of(reader, c.start, c.end);
    Some(ClauseFact {
        at: Span::new(main.start, end),
        reach: Span::new(words.start.min(main.start), words.end.max(end)),
        subject: subject_span,
        transitive,
        roles: Roles {
            patient,
            agent,
            verb,
        },
        polarity: if c.negated {
            Polarity::Negated
        } else {
            Polarity::Affirmed
        },
        modality: modality_of(c.mood),
    })
}

/// The byte span of tokens `from..to`.
fn span_of(reader: &Reader<'_, '_>, from: usize, to: usize) -> Span {
    let start = reader.tokens.get(from).map_or(0, |t| t.span.start);
    let end = reader
        .tokens
        .get(to.saturating_sub(1))
        .map_or(start, |t| t.span.end);
    Span::new(start, end.max(start))
}

/// A noun phrase's key, when it names something: not a pronoun, not a
/// bare number.
fn named(reader: &Reader<'_, '_>, np: &NounPhrase) -> Option<String> {
    if reader.tag(np.head) == Some(Tag::CD) {
        return None;
    }
    // "its jets": whose is not known here.
    if (np.start..np.head).any(|k| reader.tag(k) == Some(Tag::PRPS)) {
        return None;
    }
    let key = reader.key(np);
    if UNRESOLVED.contains(&key.as_str()) || !key.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(match reader.tag(np.head).is_some_and(Tag::is_proper) {
        true => key,
        false => with_party(reader, np, key),
    })
}

/// A common noun with the party a capitalised word before it names:
/// "Freedonian jets" is "freedonian jet", never another side's jets.
fn with_party(reader: &Reader<'_, '_>, np: &NounPhrase, key: String) -> String {
    let party = (np.start..np.head).rev().find(|&k| {
        let capital = reader
            .tokens
            .get(k)
            .is_some_and(|t| t.text.starts_with(char::is_uppercase));
        // A capital at the sentence's start may be only the start ("Many").
        let proper = reader.tag(k).is_some_and(Tag::is_proper);
        let adjective = k > 0 && reader.tag(k).is_some_and(Tag::is_adjective);
        capital && (proper || adjective)
    });
    match party {
        Some(k) => format!("{} {key}", reader.lower(k).trim_end_matches(['\'', '’'])),
        None => key,
    }
}

/// The token at byte `at` of the sentence.
fn token_at(parsed: &Parsed<'_>, at: usize) -> Option<usize> {
    let i = parsed.tokens.partition_point(|t| t.span.end <= at);
    parsed
        .tokens
        .get(i)
        .filter(|t| t.span.start <= at)
        .map(|_| i)
}

/// The modality that the clause around a lexicon hit gives it, when the
/// hit lies in a clause: "an end to the strike" after "called for" is
/// proposed, a status in "if the talks fail" conditional.
pub(super) fn modality_at(parsed: &Parsed<'_>, at: Span) -> Option<Modality> {
    let t = token_at(parsed, at.start)?;
    if after_irrealis_noun(parsed, t) {
        return Some(Modality::Proposed);
    }
    let clause = parsed
        .clauses
        .iter()
        .filter(|c| c.start <= t && t < c.end)
        .min_by_key(|c| c.end - c.start)?;
    let in_object = clause
        .object
        .as_ref()
        .is_some_and(|o| o.start <= t && t < clause.end);
    if clause.irrealis_object && in_object {
        return Some(Modality::Proposed);
    }
    Some(modality_of(clause.mood))
}

/// "the danger of a collapse", "a bid for a deal": the word at `t` is
/// what may happen.
fn after_irrealis_noun(parsed: &Parsed<'_>, mut t: usize) -> bool {
    let reader = parsed.reader();
    while t > 0
        && reader
            .tag(t - 1)
            .is_some_and(|g| matches!(g, Tag::DT | Tag::JJ | Tag::PRPS | Tag::CD))
    {
        t -= 1;
    }
    let Some(prep) = t.checked_sub(1) else {
        return false;
    };
    let Some(noun) = prep.checked_sub(1) else {
        return false;
    };
    reader.word_is(prep, &["of", "for", "to"])
        && reader.tag(noun).is_some_and(Tag::is_noun)
        && reader.grammar.is_irrealis_noun(reader.lemma(noun))
}

/// Whether a status hit is used as the lexicon meant it: a word listed
/// only as a verb that is read here as a noun ("air strikes", "a sign")
/// is not, nor is a verb that only governs another ("continues to back").
pub(super) fn status_fits(
    lexicon: &Lexicon,
    parsed: &Parsed<'_>,
    (at, text): (Span, &str),
    mentions: &[Span],
) -> bool {
    let Some(t) = token_at(parsed, at.start) else {
        return true;
    };
    let one_word = parsed
        .tokens
        .get(t)
        .is_some_and(|tok| tok.span.end >= at.end);
    let tag = parsed.tags.get(t).copied();
    if one_word && tag.is_some_and(Tag::is_noun) && !lexicon.is_nominal_status(&text.to_lowercase())
    {
        return false;
    }
    // "hopes of recovery": a status noun about what follows its "of",
    // unless that is the event ("the collapse of negotiations").
    let next = parsed.tokens.get(t + 2).map(|tok| tok.span);
    let event_next = next.is_some_and(|n| {
        mentions
            .iter()
            .any(|m| m.start <= n.start && n.start < m.end)
    });
    let of_another = one_word
        && tag.is_some_and(Tag::is_noun)
        && parsed.reader().word_is(t + 1, &["of", "for"])
        && parsed
            .tags
            .get(t + 2)
            .is_some_and(|g| g.is_noun() || *g == Tag::JJ)
        && !event_next;
    if of_another {
        return false;
    }
    let governs = parsed.clauses.iter().any(|c| {
        c.verb.start <= t
            && t < c.verb.main
            && c.verb.catenative.is_some()
            && tag.is_some_and(Tag::is_verb)
    });
    !governs
}

/// Whether the clause whose verb is the status word at `at` acts on a named
/// thing other than the status words: its object, or a passive's subject.
/// A status with no person named in its sentence is then not about the
/// person named before: "the blasts killed three people" says nothing of
/// the suspect.
pub(super) fn acts_on_another(parsed: &Parsed<'_>, at: Span) -> bool {
    let reader = parsed.reader();
    let Some(c) = clause_of_verb(parsed, at) else {
        return false;
    };
    let patient = match c.verb.passive {
        true => c.subject.as_ref(),
        false => c.object.as_ref(),
    };
    patient.is_some_and(|np| {
        !span_of(&reader, np.start, np.end).overlaps(at) && named(&reader, np).is_some()
    })
}

/// The clause whose main verb is the word at `at`.
fn clause_of_verb<'p>(parsed: &'p Parsed<'_>, at: Span) -> Option<&'p Clause> {
    let t = token_at(parsed, at.start)?;
    parsed.clauses.iter().find(|c| c.verb.main == t)
}

/// A hit's modality from its cue words, given way to the clause's where
/// the clause says less is asserted.
pub(super) fn merged(cues: Modality, clause: Option<Modality>) -> Modality {
    match clause {
        Some(
            m @ (Modality::Proposed
            | Modality::Purpose
            | Modality::Conditional
            | Modality::Question),
        ) => m,
        Some(m @ (Modality::Hedged | Modality::Expected | Modality::ReportedClaim))
            if cues == Modality::Asserted =>
        {
            m
        }
        _ => cues,
    }
}

/// "1. Death toll": a number that opens a list item counts nothing.
pub(super) fn list_number(sentence: &str, number: &str) -> bool {
    let rest = sentence.trim_start().strip_prefix(number);
    rest.is_some_and(|r| r.starts_with(". ") || r.starts_with(") "))
        && number.chars().all(|c| c.is_ascii_digit())
}

/// "110 bodies were kept at the morgue", "78 bodies were handed over": a
/// count named by a noun ("bodies", "deaths") that a clause does
/// something else with than tally counts part of the whole, not the toll.
/// A tally is a copula or a verb of counting ("the toll rose to 90",
/// "rescuers recovered 40 bodies").
pub(super) fn counted_for_else(parsed: &Parsed<'_>, at: Span) -> bool {
    let reader = parsed.reader();
    let Some(t) = token_at(parsed, at.start) else {
        return false;
    };
    // "bodies", or "dead" in "dead bodies", "injured" in "injured passengers".
    let in_phrase = parsed
        .chunks
        .iter()
        .any(|ch| matches!(ch, Chunk::Noun(n) if n.start <= t && t < n.end));
    if !in_phrase {
        return false;
    }
    let holds = |np: &Option<NounPhrase>| np.as_ref().is_some_and(|n| n.start <= t && t < n.end);
    // "with 187 bodies yet to be identified": the noun just before a verb
    // with no subject of its own is what it acts on.
    let before = |c: &Clause| {
        c.subject.is_none()
            && parsed.chunks.iter().any(
                |ch| matches!(ch, Chunk::Noun(n) if n.start <= t && t < n.end && n.end <= c.verb.start && (n.end..c.verb.start).all(|k| reader.tag(k).is_some_and(Tag::is_adverb))),
            )
    };
    // A finite verb first: "40 bodies recovered from the train had no
    // marks" is about what the bodies had.
    let mut clauses: Vec<&Clause> = parsed.clauses.iter().collect();
    clauses.sort_by_key(|c| c.verb.participle || c.role == Role::Relative);
    let Some(c) = clauses
        .into_iter()
        .find(|c| holds(&c.subject) || holds(&c.object) || before(c))
    else {
        return false;
    };
    let verb = reader.predicate(&c.verb);
    let tally = reader.grammar.verb_is(&verb, VerbClass::Tally) || c.complement.is_some();
    !tally
}

/// "The storm also killed 170 people elsewhere": a count of another place
/// than the story's.
pub(super) fn counted_elsewhere(parsed: &Parsed<'_>, at: Span) -> bool {
    let reader = parsed.reader();
    let Some(t) = token_at(parsed, at.start) else {
        return false;
    };
    parsed
        .clauses
        .iter()
        .filter(|c| c.start <= t && t < c.end + 4)
        .any(|c| (c.start..c.end + 4).any(|k| reader.grammar.is_other_place(reader.lower(k))))
}

/// Whether the status verb at `at` is said of something else than the
/// event: its clause has a named subject that is not the event, no object
/// that is the status or the event, and names the event nowhere near ("the striker failed a
/// medical, according to people close to the talks" says nothing of the
/// talks failing; "the talks failed" and "they walked out of the talks" do).
/// A frame told apart by who acts (`by_actor`: "Islamabad targeted the
/// camps" is an attack) keeps a status whose object is the target.
pub(super) fn said_of_another(
    parsed: &Parsed<'_>,
    at: Span,
    events: &[Span],
    by_actor: bool,
) -> bool {
    let reader = parsed.reader();
    let Some(c) = clause_of_verb(parsed, at) else {
        return false;
    };
    let Some(subject) = c.subject.as_ref().filter(|_| !c.verb.passive) else {
        return false;
    };
    // "made progress", "reached a deal": the object is the status or the event.
    let object_is_status = c.object.as_ref().is_some_and(|o| {
        let span = span_of(&reader, o.start, o.end);
        span.overlaps(at) || events.iter().any(|e| span.overlaps(*e))
    });
    let subject_span = span_of(&reader, subject.start, subject.end);
    let near = span_of(&reader, c.start, (c.verb.end + 8).min(reader.tokens.len()));
    let acts_on_target = by_actor && c.object.is_some();
    !object_is_status
        && !acts_on_target
        && named(&reader, subject).is_some()
        && !events
            .iter()
            .any(|e| subject_span.overlaps(*e) || near.overlaps(*e))
}
