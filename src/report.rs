//! The result, as data (serde) and as text for a person.

use std::fmt;

use itertools::Itertools;
use serde::{Deserialize, Serialize};

use rustc_hash::FxHashMap;

use crate::compare::{Conflict, ConflictKind, Member, Side, describe_rule};
use crate::date::Date;
use crate::document::Document;
use crate::error::{Error, ErrorKind};
use crate::extract::{Modality, Polarity};

/// What a check found: every document read, every conflict, and every
/// input that was skipped.
///
/// Its JSON form is the crate's contract with other tools:
///
/// ```
/// use gainsay::{Detector, Document, Report};
///
/// let docs = [
///     Document::parse("a", "date: 2025-03-01\n\nThe ceasefire is holding, officials said."),
///     Document::parse("b", "date: 2025-03-01\n\nThe ceasefire collapsed on Saturday."),
/// ];
/// let report = Detector::new().check(&docs);
/// assert_eq!(report.documents.len(), 2);
/// assert_eq!(report.conflicts.len(), 1);
/// let json = report.to_json();
/// assert_eq!(Report::from_json(&json).unwrap(), report);
/// assert!(report.to_string().contains("status conflict"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// Every document read, in id order.
    pub documents: Vec<DocumentSummary>,
    /// Every conflict found, by subject then score.
    pub conflicts: Vec<Conflict>,
    /// Inputs that could not be read, and why.
    #[serde(default)]
    pub skipped: Vec<Skipped>,
}

/// One document as the report lists it.
///
/// ```
/// use gainsay::{Detector, Document};
///
/// let report = Detector::new().check(&[Document::parse("a", "date: 2025-13-01\n\nOne. Two.")]);
/// let summary = &report.documents[0];
/// assert_eq!((summary.id.as_str(), summary.sentences, summary.date), ("a", 2, None));
/// assert_eq!(summary.warnings.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentSummary {
    /// The document's id.
    pub id: String,
    /// The path it was read from, if any.
    pub path: Option<String>,
    /// Its date, if known.
    pub date: Option<Date>,
    /// Its outlet, if known.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Its title, if known.
    #[serde(default)]
    pub title: Option<String>,
    /// How many sentences were read.
    pub sentences: usize,
    /// How many statements were extracted.
    pub statements: usize,
    /// Problems met while reading it.
    #[serde(default)]
    pub warnings: Vec<String>,
}

impl DocumentSummary {
    pub(crate) fn new(doc: &Document, sentences: usize, statements: usize) -> DocumentSummary {
        DocumentSummary {
            id: doc.id().to_string(),
            path: doc.path().map(str::to_string),
            date: doc.date(),
            outlet: doc.outlet().map(str::to_string),
            title: doc.title().map(str::to_string),
            sentences,
            statements,
            warnings: doc.warnings().to_vec(),
        }
    }
}

/// An input that was not read.
///
/// ```
/// let mut report = gainsay::Report::default();
/// report.skip("feed.jsonl:4", "not a record");
/// assert_eq!(report.skipped[0].path, "feed.jsonl:4");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Skipped {
    /// The input's path or name.
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

impl Report {
    /// Records an input that was not read, so that the report accounts for it.
    ///
    /// ```
    /// let mut report = gainsay::Report::default();
    /// report.skip("feed/broken.txt", "not valid UTF-8");
    /// assert_eq!(report.skipped[0].reason, "not valid UTF-8");
    /// ```
    pub fn skip(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            path: path.into(),
            reason: reason.into(),
        });
    }

    /// The report as JSON, indented; the small objects deep inside it (a
    /// member, a span) each take one line.
    ///
    /// ```
    /// let json = gainsay::Report::default().to_json();
    /// assert!(json.contains("\"conflicts\": []"));
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(4096);
        // Writing to a Vec cannot fail, and the JSON is UTF-8.
        let _ = self.write_json(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Writes the report as JSON, the same as
    /// [`Report::to_json`], without holding it all in memory. Give it a
    /// buffered writer.
    ///
    /// ```
    /// let report = gainsay::Report::default();
    /// let mut out = Vec::new();
    /// report.write_json(&mut out).unwrap();
    /// assert_eq!(String::from_utf8(out).unwrap(), report.to_json());
    /// ```
    ///
    /// # Errors
    ///
    /// The writer's error, when writing fails.
    pub fn write_json<W: std::io::Write>(&self, mut writer: W) -> std::io::Result<()> {
        json::report(&mut writer, self)
    }

    /// A report read back from its JSON.
    ///
    /// ```
    /// use gainsay::Report;
    ///
    /// assert_eq!(Report::from_json(&Report::default().to_json()).unwrap(), Report::default());
    /// assert!(Report::from_json("[]").is_err());
    /// ```
    pub fn from_json(text: &str) -> Result<Report, Error> {
        serde_json::from_str(text).map_err(|e| {
            Error::new(ErrorKind::Config {
                message: format!(
                    "not a report: line {}, column {}: {e}",
                    e.line(),
                    e.column()
                ),
            })
        })
    }

    /// The report as text for people, in the given style.
    ///
    /// ```
    /// use gainsay::{Detector, Document, TextStyle};
    ///
    /// let docs = [
    ///     Document::new("a", "The ceasefire is holding."),
    ///     Document::new("b", "The ceasefire collapsed."),
    /// ];
    /// let report = Detector::new().check(&docs);
    /// // Plain text marks the clashing words with `**`.
    /// let plain = report.to_text(TextStyle::default());
    /// assert!(plain.contains("The ceasefire **collapsed**."));
    /// assert!(!plain.contains('\x1b'));
    /// // Colour marks them with terminal escapes; `explain` adds the rule and the score's making.
    /// let rich = report.to_text(TextStyle::default().color(true).explain(true));
    /// assert!(rich.contains("\x1b["));
    /// assert!(rich.contains("Score: status-clash 0.90"));
    /// ```
    pub fn to_text(&self, style: TextStyle) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_text(&mut out, style);
        out
    }

    /// The text: a summary, then the conflicts from the highest score down,
    /// each sentence printed once.
    fn write_text(&self, f: &mut impl fmt::Write, style: TextStyle) -> fmt::Result {
        let paint = Paint(style.color);
        let mut by_subject: FxHashMap<&str, usize> = FxHashMap::default();
        for c in &self.conflicts {
            *by_subject.entry(&c.subject).or_default() += 1;
        }
        let mut subjects: Vec<(&str, usize)> = by_subject.into_iter().collect();
        // Most conflicts first; equal counts by name.
        subjects.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        write!(
            f,
            "{}, {}",
            count(self.documents.len(), "document", "documents"),
            count(self.conflicts.len(), "conflict", "conflicts")
        )?;
        if !subjects.is_empty() {
            write!(f, " about {}", count(subjects.len(), "subject", "subjects"))?;
        }
        if !self.skipped.is_empty() {
            write!(
                f,
                "; {} skipped",
                count(self.skipped.len(), "input", "inputs")
            )?;
        }
        writeln!(f, ".")?;
        if !self.documents.is_empty() {
            writeln!(f, "\n{}", paint.bold("Documents"))?;
            let width = self
                .documents
                .iter()
                .map(|d| d.id.chars().count())
                .max()
                .unwrap_or(0);
            for doc in &self.documents {
                writeln!(
                    f,
                    "  {:width$}  {}: {}, {}",
                    doc.id,
                    source(doc.outlet.as_deref(), doc.date),
                    count(doc.sentences, "sentence", "sentences"),
                    count(doc.statements, "statement", "statements"),
                )?;
                for warning in &doc.warnings {
                    writeln!(f, "    warning: {warning}")?;
                }
            }
        }
        if !self.skipped.is_empty() {
            writeln!(f, "\n{}", paint.bold("Skipped"))?;
            for skipped in &self.skipped {
                writeln!(f, "  {}: {}", skipped.path, skipped.reason)?;
            }
        }
        if !subjects.is_empty() {
            writeln!(f, "\n{}", paint.bold("Subjects"))?;
            let width = subjects
                .iter()
                .map(|(s, _)| s.chars().count())
                .max()
                .unwrap_or(0);
            let digits = subjects.first().map_or(1, |(_, n)| n.to_string().len());
            for (subject, n) in &subjects {
                let name = subject.replace('_', " ");
                let noun = if *n == 1 { "conflict" } else { "conflicts" };
                writeln!(f, "  {name:width$}  {n:>digits$} {noun}")?;
            }
        }
        if self.conflicts.is_empty() {
            return Ok(());
        }
        writeln!(f, "\n{}", paint.bold("Conflicts, highest score first"))?;
        let mut ranked: Vec<&Conflict> = self.conflicts.iter().collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
        let documents: FxHashMap<&str, &DocumentSummary> =
            self.documents.iter().map(|d| (d.id.as_str(), d)).collect();
        // Each sentence is numbered when first printed; later it is referred to.
        let mut printed = Printed::default();
        for (i, c) in ranked.iter().enumerate() {
            let head = format!(
                "{}. {}: {} conflict, score {:.2}",
                i + 1,
                c.subject.replace('_', " "),
                c.kind,
                c.score
            );
            writeln!(f, "\n{}", paint.heading(&head))?;
            for (side, members) in [(&c.a, &c.a_members), (&c.b, &c.b_members)] {
                write_side(f, paint, style, &documents, side, members, &mut printed)?;
            }
            writeln!(f, "   Why: {}", why(c))?;
            if style.explain {
                writeln!(
                    f,
                    "   {}",
                    paint.dim(&format!("Rule: {} ({}).", c.rule, describe_rule(&c.rule)))
                )?;
                if !c.scoring.is_empty() {
                    let score = format!("Score: {} = {:.2}.", c.scoring.join("; "), c.score);
                    writeln!(f, "   {}", paint.dim(&score))?;
                }
                writeln!(
                    f,
                    "   {}",
                    paint.dim(&format!("In full: {}", c.explanation))
                )?;
            }
        }
        Ok(())
    }
}

/// The sentences printed so far, by document and span, each with its number.
#[derive(Default)]
struct Printed<'r> {
    numbers: FxHashMap<(&'r str, usize, usize), usize>,
}

/// One side of a conflict: its source and what it says, then its sentence
/// with the clashing words marked, or its number when printed before.
fn write_side<'r>(
    f: &mut impl fmt::Write,
    paint: Paint,
    style: TextStyle,
    documents: &FxHashMap<&str, &DocumentSummary>,
    side: &'r Side,
    members: &[Member],
    printed: &mut Printed<'r>,
) -> fmt::Result {
    let doc = documents.get(side.document.as_str()).copied();
    let mut says = side.status.replace('_', " ");
    if side.polarity == Polarity::Negated {
        says = format!("not {says}");
    }
    if side.modality != Modality::Asserted {
        says.push_str(&format!(" ({})", side.modality.name().replace('_', " ")));
    }
    let quoting = match &side.speaker {
        Some(speaker) => format!(", quoting {speaker}"),
        None => String::new(),
    };
    let key = (side.document.as_str(), side.start, side.end);
    if let Some(n) = printed.numbers.get(&key) {
        writeln!(
            f,
            "   [{n}] {}{quoting}: {says} (\"{}\"), sentence printed above",
            paint.source(&side.document),
            one_line(&side.evidence_text)
        )?;
    } else {
        let n = printed.numbers.len() + 1;
        printed.numbers.insert(key, n);
        let at = doc.map_or_else(
            || source(None, side.date),
            |d| source(d.outlet.as_deref(), d.date),
        );
        writeln!(
            f,
            "   [{n}] {} ({at}){quoting}: {says}",
            paint.source(&side.document)
        )?;
        writeln!(f, "       \"{}\"", one_line(&marked(side, paint)))?;
        write_members(f, side, members)?;
    }
    if style.explain {
        let mut detail = format!("bytes {}..{}", side.start, side.end);
        if let Some(date) = side.date
            && doc.and_then(|d| d.date) != Some(date)
        {
            detail.push_str(&format!("; speaks of {date}"));
        }
        let cues = if side.cues.is_empty() {
            "none".to_string()
        } else {
            side.cues.join(", ")
        };
        detail.push_str(&format!("; cues: {cues}"));
        writeln!(f, "       {}", paint.dim(&detail))?;
    }
    Ok(())
}

/// "also in 2 other documents: b, c", for a claim made by several.
fn write_members(f: &mut impl fmt::Write, side: &Side, members: &[Member]) -> fmt::Result {
    let others: Vec<&str> = members
        .iter()
        .map(|m| m.document.as_str())
        .filter(|d| *d != side.document)
        .dedup()
        .collect();
    if !others.is_empty() {
        let shown = others.iter().take(MEMBERS_SHOWN).join(", ");
        let more = if others.len() > MEMBERS_SHOWN {
            ", …"
        } else {
            ""
        };
        let n = others.len();
        let plural = if n == 1 { "" } else { "s" };
        writeln!(
            f,
            "       also in {n} other document{plural}: {shown}{more}"
        )?;
    }
    Ok(())
}

/// "1 document", "2 documents".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Herald, 2025-06-02", "undated".
fn source(outlet: Option<&str>, date: Option<Date>) -> String {
    let date = date.map_or_else(|| "undated".to_string(), |d| d.to_string());
    match outlet {
        Some(outlet) => format!("{outlet}, {date}"),
        None => date,
    }
}

/// One plain-English line of why: the reason the explanation ends with,
/// without the two claims it opens with (the sentences show those).
fn why(c: &Conflict) -> String {
    let status = |s: &Side| s.status.replace('_', " ");
    let start = match c.kind {
        ConflictKind::Status => {
            format!("\"{}\" and \"{}\" cannot both", status(&c.a), status(&c.b))
        }
        ConflictKind::Negation => "one affirms what".to_string(),
        ConflictKind::Certainty => "one states as fact".to_string(),
        ConflictKind::Cause => "they name different parties".to_string(),
        ConflictKind::Number => "the two counts".to_string(),
        ConflictKind::Role => "they swap who did it".to_string(),
        ConflictKind::Date => format!("\"{}\" happens once", status(&c.a)),
    };
    let reason = c
        .explanation
        .rfind(&start)
        .and_then(|at| c.explanation.get(at..))
        .unwrap_or(&c.explanation);
    let mut chars = reason.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => describe_rule(&c.rule).to_string(),
    }
}

/// How many other documents of a claim cluster the text names.
const MEMBERS_SHOWN: usize = 5;

/// How [`Report::to_text`] writes: with colour or not, with explanations or
/// not. The default is plain text (for pipes and files), without.
///
/// ```
/// use gainsay::TextStyle;
///
/// let style = TextStyle::default().color(true).explain(true);
/// assert_ne!(style, TextStyle::default());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextStyle {
    color: bool,
    explain: bool,
}

impl TextStyle {
    /// Colours for a terminal (ANSI escapes); off by default.
    ///
    /// ```
    /// let text = gainsay::Report::default().to_text(gainsay::TextStyle::default().color(true));
    /// assert!(text.starts_with("0 documents"));
    /// ```
    pub fn color(mut self, yes: bool) -> TextStyle {
        self.color = yes;
        self
    }

    /// With each sentence its byte span and cue words, and after each
    /// conflict the rule, how the score was reached and the full
    /// explanation; off by default.
    ///
    /// ```
    /// let text = gainsay::Report::default().to_text(gainsay::TextStyle::default().explain(true));
    /// assert_eq!(text, "0 documents, 0 conflicts.\n");
    /// ```
    pub fn explain(mut self, yes: bool) -> TextStyle {
        self.explain = yes;
        self
    }
}

/// Terminal colours, or none.
#[derive(Clone, Copy)]
struct Paint(bool);

impl Paint {
    fn wrap(self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn bold(self, text: &str) -> String {
        self.wrap("1", text)
    }
    fn heading(self, text: &str) -> String {
        self.wrap("1;33", text)
    }
    fn source(self, text: &str) -> String {
        self.wrap("36", text)
    }
    fn dim(self, text: &str) -> String {
        self.wrap("2", text)
    }
    /// The clashing words: red with colour, between `**` without.
    fn mark(self, text: &str) -> String {
        if self.0 {
            self.wrap("1;31", text)
        } else {
            format!("**{text}**")
        }
    }
}

/// The side's sentence with its status words marked.
fn marked(side: &Side, paint: Paint) -> String {
    let from = side.evidence.start.checked_sub(side.start);
    let parts = from.and_then(|from| {
        let to = from + side.evidence.len();
        Some((
            side.sentence.get(..from)?,
            side.sentence.get(from..to)?,
            side.sentence.get(to..)?,
        ))
    });
    match parts {
        Some((before, words, after)) if !words.is_empty() => {
            format!("{before}{}{after}", paint.mark(words))
        }
        _ => side.sentence.clone(),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().join(" ")
}

impl fmt::Display for Report {
    /// The report as plain text: [`Report::to_text`] with the default style.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_text(f, TextStyle::default())
    }
}

/// The report's JSON, written as serde and [`Layered`] write it, with the
/// members of conflicts (most of a large report) written directly.
mod json {
    use std::io::{self, Write};

    use serde::Serialize;

    use super::{Conflict, Layered, Member, Report};

    pub(super) fn report<W: Write>(w: &mut W, r: &Report) -> io::Result<()> {
        // Every field, so that a new one cannot be left out.
        let Report {
            documents,
            conflicts,
            skipped,
        } = r;
        w.write_all(b"{")?;
        field(w, 1, true, "documents")?;
        list(w, 2, documents, |w, d| value(w, 2, d))?;
        field(w, 1, false, "conflicts")?;
        list(w, 2, conflicts, |w, c| conflict(w, 3, c))?;
        field(w, 1, false, "skipped")?;
        list(w, 2, skipped, |w, s| value(w, 2, s))?;
        Layered::default().newline(w, 0)?;
        w.write_all(b"}")
    }

    /// A conflict, an object at `depth`.
    fn conflict<W: Write>(w: &mut W, depth: usize, c: &Conflict) -> io::Result<()> {
        let Conflict {
            kind,
            rule,
            subject,
            predicate,
            score,
            temporal,
            explanation,
            scoring,
            same_speaker,
            a_documents,
            b_documents,
            a_members,
            b_members,
            a,
            b,
        } = c;
        w.write_all(b"{")?;
        field(w, depth, true, "kind")?;
        value(w, depth, kind)?;
        field(w, depth, false, "rule")?;
        value(w, depth, rule)?;
        field(w, depth, false, "subject")?;
        value(w, depth, subject)?;
        field(w, depth, false, "predicate")?;
        value(w, depth, predicate)?;
        field(w, depth, false, "score")?;
        value(w, depth, score)?;
        field(w, depth, false, "temporal")?;
        value(w, depth, temporal)?;
        field(w, depth, false, "explanation")?;
        value(w, depth, explanation)?;
        field(w, depth, false, "scoring")?;
        value(w, depth, scoring)?;
        field(w, depth, false, "same_speaker")?;
        value(w, depth, same_speaker)?;
        field(w, depth, false, "a_documents")?;
        value(w, depth, a_documents)?;
        field(w, depth, false, "b_documents")?;
        value(w, depth, b_documents)?;
        field(w, depth, false, "a_members")?;
        list(w, depth + 1, a_members, member)?;
        field(w, depth, false, "b_members")?;
        list(w, depth + 1, b_members, member)?;
        field(w, depth, false, "a")?;
        value(w, depth, a)?;
        field(w, depth, false, "b")?;
        value(w, depth, b)?;
        Layered::default().newline(w, depth - 1)?;
        w.write_all(b"}")
    }

    /// A member, on one line.
    fn member<W: Write>(w: &mut W, m: &Member) -> io::Result<()> {
        let Member {
            document,
            start,
            end,
        } = m;
        w.write_all(b"{\"document\": ")?;
        // Ids are most often plain; others are escaped as serde does.
        if document
            .bytes()
            .all(|b| b >= 0x20 && b != b'"' && b != b'\\')
        {
            w.write_all(b"\"")?;
            w.write_all(document.as_bytes())?;
            w.write_all(b"\"")?;
        } else {
            serde_json::to_writer(&mut *w, document)?;
        }
        let mut number = itoa::Buffer::new();
        w.write_all(b", \"start\": ")?;
        w.write_all(number.format(*start).as_bytes())?;
        w.write_all(b", \"end\": ")?;
        w.write_all(number.format(*end).as_bytes())?;
        w.write_all(b"}")
    }

    /// The key of a field of an object at `depth`.
    fn field<W: Write>(w: &mut W, depth: usize, first: bool, name: &str) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        Layered::default().newline(w, depth)?;
        w.write_all(b"\"")?;
        w.write_all(name.as_bytes())?;
        w.write_all(b"\": ")
    }

    /// An array at `depth` (not flat), each item written by `item`.
    fn list<W: Write, T>(
        w: &mut W,
        depth: usize,
        items: &[T],
        mut item: impl FnMut(&mut W, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        w.write_all(b"[")?;
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                w.write_all(b",")?;
            }
            Layered::default().newline(w, depth)?;
            item(w, x)?;
        }
        if !items.is_empty() {
            Layered::default().newline(w, depth - 1)?;
        }
        w.write_all(b"]")
    }

    /// A value inside a container at `depth`, written by serde.
    fn value<W: Write, T: Serialize + ?Sized>(w: &mut W, depth: usize, v: &T) -> io::Result<()> {
        let layered = Layered {
            depth,
            has_value: false,
        };
        let mut serializer = serde_json::Serializer::with_formatter(&mut *w, layered);
        v.serialize(&mut serializer).map_err(io::Error::from)
    }
}

/// JSON indented by two spaces down to [`Layered::FLAT_BELOW`] levels, and
/// on one line below that: a conflict's members and spans are one line
/// each, not five, which halves a large report.
#[derive(Default)]
struct Layered {
    /// Containers open.
    depth: usize,
    /// Whether the innermost open container has a value yet.
    has_value: bool,
}

impl Layered {
    const FLAT_BELOW: usize = 4;

    fn flat(&self) -> bool {
        self.depth > Self::FLAT_BELOW
    }

    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, mark: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(mark)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, mark: &[u8]) -> std::io::Result<()> {
        if !self.flat() && self.has_value {
            self.newline(w, self.depth - 1)?;
        }
        self.depth -= 1;
        w.write_all(mark)
    }

    fn item<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if self.flat() {
            return if first { Ok(()) } else { w.write_all(b", ") };
        }
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w, self.depth)
    }

    fn newline<W: ?Sized + std::io::Write>(&self, w: &mut W, depth: usize) -> std::io::Result<()> {
        const SPACES: &[u8; 33] = b"\n                                ";
        let width = 1 + 2 * depth;
        match SPACES.get(..width) {
            Some(line) => w.write_all(line),
            None => {
                w.write_all(b"\n")?;
                (0..depth).try_for_each(|_| w.write_all(b"  "))
            }
        }
    }
}

impl serde_json::ser::Formatter for Layered {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Detector, Document};

    #[test]
    fn json_is_indented_with_members_and_spans_on_one_line() {
        let docs = [
            Document::new("a", "The ceasefire is holding."),
            Document::new("b", "The ceasefire collapsed."),
        ];
        let report = Detector::new().check(&docs);
        let json = report.to_json();
        assert!(json.starts_with("{\n  \"documents\": [\n    {\n      \"id\": \"a\""));
        assert!(
            json.lines()
                .any(|l| l.trim() == r#"{"document": "b", "start": 0, "end": 24}"#),
            "{json}"
        );
        assert!(json.contains(r#""evidence": {"start": "#), "{json}");
        assert!(json.contains("\"conflicts\": [\n"));
        assert_eq!(Report::from_json(&json).unwrap(), report);
        assert!(Report::default().to_json().contains("\"conflicts\": []"));
    }

    /// The report as serde and the formatter alone write it.
    fn serde_json_of(report: &Report) -> String {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, Layered::default());
        report.serialize(&mut serializer).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_is_what_serde_writes() {
        let mut docs = vec![
            Document::new("plain", "The ceasefire is holding, officials said."),
            Document::new("q\"uote\\d", "The ceasefire collapsed on Saturday."),
            Document::new("tab\tnew\nline", "The ceasefire may have collapsed."),
            Document::new("caf\u{e9} \u{1f4f0}", "The ceasefire did not collapse."),
            Document::new("empty", ""),
        ];
        docs.push(Document::parse(
            "dated",
            "date: 2025-03-01\n\nAt least 40 people were killed. The talks stalled.",
        ));
        docs.push(Document::new(
            "other",
            "Only 12 people were killed. The talks made progress.",
        ));
        let mut report = Detector::new().check(&docs);
        assert!(report.conflicts.len() > 2, "{report:#?}");
        let json = report.to_json();
        // Members with ids that need escaping, on their lines.
        assert!(
            json.contains(r#"{"document": "q\"uote\\d", "start": 0"#),
            "{json}"
        );
        assert!(
            json.contains(r#"{"document": "tab\tnew\nline", "start": 0"#),
            "{json}"
        );
        assert_eq!(json, serde_json_of(&report));
        report.skip("feed.jsonl:4", "not a \"record\"");
        report.conflicts[0].a_members.clear();
        report.conflicts[0].same_speaker = Some("Ana Lopes".to_string());
        assert_eq!(report.to_json(), serde_json_of(&report));
        assert_eq!(
            Report::default().to_json(),
            serde_json_of(&Report::default())
        );
        let only_skipped = Report {
            skipped: report.skipped.clone(),
            ..Report::default()
        };
        assert_eq!(only_skipped.to_json(), serde_json_of(&only_skipped));
    }
}
