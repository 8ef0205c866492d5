//! Measures the part-of-speech tagger against a CoNLL-U treebank: tags each
//! sentence's gold tokens and compares with the gold Penn tags (XPOS).
//!
//! ```text
//! cargo run --release --example tag -- ../shared/ud/en_ewt-ud-dev.conllu
//! cargo run --release --example tag -- FILE.conllu --print
//! cargo run --release --example tag -- FILE.conllu --misses
//! cargo run --release --example tag -- FILE.conllu --model lexicon/tagger/model.bin
//! ```
//!
//! Prints the most frequent confusions; then how often the clause reader
//! (with the built-in model) finds the gold `nsubj`, `nsubj:pass` and `obj`
//! relations (recall) and how many of the subjects and objects it reads are
//! gold (precision), with the misses by kind; then `accuracy X`. With
//! `--print`, prints instead each sentence's tags on a line; with `--misses`,
//! also each subject and object missed or wrong, in its sentence. With `--model FILE`, uses
//! that model file (as `tools/aptagger.py` writes it) instead of the
//! built-in one.

use std::collections::HashMap;
use std::process::ExitCode;

use gainsay::__tagger::{ClauseHeads, PosTagger, clause_heads};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The Penn Treebank tags scored; the treebank's others (HYPH, NFP, ADD,
/// GW, AFX, XX, ...) are left out.
const PENN: [&str; 45] = [
    "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS",
    "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG",
    "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ",", ".", ":", "-LRB-", "-RRB-", "``", "''",
    "#", "$",
];

/// How many confusions to print.
const TOP: usize = 15;

/// The command line.
struct Args {
    path: String,
    print: bool,
    misses: bool,
    model: Option<String>,
}

fn main() -> ExitCode {
    let Some(args) = parse_args() else {
        eprintln!("usage: tag FILE.conllu [--print] [--misses] [--model FILE]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&args.path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("tag: cannot read {}: {e}", args.path);
            return ExitCode::from(2);
        }
    };
    let tagger = match &args.model {
        None => PosTagger::builtin(),
        Some(path) => match std::fs::read(path).map_err(|e| e.to_string()) {
            Ok(bytes) => match PosTagger::from_bytes(&bytes) {
                Ok(tagger) => tagger,
                Err(e) => return fail(path, &e),
            },
            Err(e) => return fail(path, &e),
        },
    };
    run(&text, tagger, &args);
    ExitCode::SUCCESS
}

/// Reports a model file that cannot be used.
fn fail(path: &str, error: &str) -> ExitCode {
    eprintln!("tag: cannot use the model {path}: {error}");
    ExitCode::from(2)
}

/// The file, `--print` and `--model FILE`, in any order.
fn parse_args() -> Option<Args> {
    let mut args = Args {
        path: String::new(),
        print: false,
        misses: false,
        model: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--print" => args.print = true,
            "--misses" => args.misses = true,
            "--model" => args.model = Some(it.next()?),
            _ if args.path.is_empty() => args.path = a,
            _ => return None,
        }
    }
    (!args.path.is_empty()).then_some(args)
}

/// One word of a treebank sentence.
struct Word<'a> {
    form: &'a str,
    xpos: &'a str,
    /// The index of its head word, 0-based; `None` for the root.
    head: Option<usize>,
    deprel: &'a str,
}

/// Each sentence's words: comment lines, multiword tokens (`1-2`) and
/// empty nodes (`1.1`) left out.
fn sentences(text: &str) -> Vec<Vec<Word<'_>>> {
    let mut out = Vec::new();
    let mut sentence = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !sentence.is_empty() {
                out.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if line.starts_with('#') || cols.len() != 10 {
            continue;
        }
        if let [id, form, _, _, xpos, _, head, deprel, ..] = cols[..]
            && !id.contains(['-', '.'])
        {
            // CoNLL-U ids count from 1, and 0 is the root.
            let head = head.parse::<usize>().ok().and_then(|h| h.checked_sub(1));
            sentence.push(Word {
                form,
                xpos,
                head,
                deprel,
            });
        }
    }
    if !sentence.is_empty() {
        out.push(sentence);
    }
    out
}

/// A tag as compared: TO as IN, every quote alike, brackets by name.
fn same_class(tag: &str) -> &str {
    match tag {
        "TO" => "IN",
        "``" | "''" | "\"" => "quote",
        "(" => "-LRB-",
        ")" => "-RRB-",
        t => t,
    }
}

/// Tags every sentence; prints the tags, or the accuracy and the clause
/// figures.
fn run(text: &str, mut tagger: PosTagger, args: &Args) {
    let print = args.print;
    let (mut right, mut total) = (0usize, 0usize);
    let mut confusions: HashMap<(&str, &'static str), usize> = HashMap::new();
    let mut subjects = Score::new(Relation::Subject, args.misses);
    let mut objects = Score::new(Relation::Object, args.misses);
    let mut words = Vec::new();
    for sentence in sentences(text) {
        words.clear();
        words.extend(sentence.iter().map(|w| w.form));
        let tags = tagger.tag(&words);
        if print {
            println!("{}", tags.collect::<Vec<_>>().join(" "));
            continue;
        }
        for (word, guess) in sentence.iter().zip(tags) {
            if !PENN.contains(&word.xpos) {
                continue;
            }
            total += 1;
            if same_class(word.xpos) == same_class(guess) {
                right += 1;
            } else {
                *confusions.entry((word.xpos, guess)).or_default() += 1;
            }
        }
        let clauses = clause_heads(&words);
        subjects.add(&sentence, &clauses);
        objects.add(&sentence, &clauses);
    }
    if !print {
        confusions_summary(&confusions, right, total);
        subjects.print("subjects");
        objects.print("objects");
        println!("accuracy {:.3}", right as f64 / total.max(1) as f64);
    }
}

/// The gold relations scored.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Relation {
    /// `nsubj` and `nsubj:pass`.
    Subject,
    /// `obj`.
    Object,
}

impl Relation {
    fn name(self) -> &'static str {
        match self {
            Relation::Subject => "subject",
            Relation::Object => "object",
        }
    }

    fn is(self, deprel: &str) -> bool {
        match self {
            Relation::Subject => matches!(deprel, "nsubj" | "nsubj:pass"),
            Relation::Object => deprel == "obj",
        }
    }

    /// The clause's reading of this relation.
    fn of(self, c: &ClauseHeads) -> Option<usize> {
        match self {
            Relation::Subject => c.subject,
            Relation::Object => c.object,
        }
    }
}

/// One relation's counts: gold relations found, and the reader's own.
struct Score {
    rel: Relation,
    /// Print each miss and each wrong one.
    show: bool,
    gold: usize,
    found: usize,
    read: usize,
    right: usize,
    /// The gold relations missed, by kind.
    misses: HashMap<&'static str, usize>,
    /// The reader's wrong ones, by kind.
    wrong: HashMap<&'static str, usize>,
}

impl Score {
    fn new(rel: Relation, show: bool) -> Score {
        Score {
            rel,
            show,
            gold: 0,
            found: 0,
            read: 0,
            right: 0,
            misses: HashMap::new(),
            wrong: HashMap::new(),
        }
    }

    /// Scores one sentence's clauses against its gold relations.
    fn add(&mut self, sentence: &[Word], clauses: &[ClauseHeads]) {
        let rel = self.rel;
        let cop = |h: usize| {
            sentence
                .iter()
                .position(|w| w.head == Some(h) && w.deprel == "cop")
        };
        for (d, w) in sentence.iter().enumerate() {
            let Some(h) = w.head.filter(|_| rel.is(w.deprel)) else {
                continue;
            };
            self.gold += 1;
            if clauses.iter().any(|c| c.verb == h && rel.of(c) == Some(d)) {
                self.found += 1;
                continue;
            }
            let kind = match (cop(h), clauses.iter().find(|c| c.verb == h)) {
                (Some(k), _) if clauses.iter().any(|c| c.verb == k && rel.of(c) == Some(d)) => {
                    "copula (found on the copula)"
                }
                (Some(_), _) => "copula (not found)",
                (None, None) => {
                    if clauses.iter().any(|c| (c.group.0..c.group.1).contains(&h)) {
                        "verb not the main one of its group (\"wants to\")"
                    } else {
                        "verb read as no clause"
                    }
                }
                (None, Some(c)) => match rel.of(c) {
                    None if d > h => "none read; gold after the verb",
                    None => "none read; gold before the verb",
                    Some(_) if matches!(w.xpos, "WDT" | "WP") => "relative pronoun",
                    Some(r) if sentence[r].head == Some(d) && sentence[r].deprel == "flat" => {
                        "a name's last word (the treebank heads names on the first)"
                    }
                    Some(r) if sentence[r].head == Some(d) && sentence[r].deprel == "conj" => {
                        "the last of joined nouns"
                    }
                    Some(r) if descends(sentence, r, d) => "another word of the gold phrase",
                    Some(_) => "another phrase",
                },
            };
            *self.misses.entry(kind).or_default() += 1;
            if self.show {
                println!("{} missed [{kind}] {}", rel.name(), marked(sentence, h, d));
            }
        }
        for c in clauses {
            let Some(r) = rel.of(c) else { continue };
            self.read += 1;
            let gold = |v: usize| {
                sentence
                    .get(r)
                    .is_some_and(|w| w.head == Some(v) && rel.is(w.deprel))
            };
            if gold(c.verb) {
                self.right += 1;
                continue;
            }
            let verb = &sentence[c.verb];
            let kind = match sentence
                .get(r)
                .filter(|w| rel.is(w.deprel))
                .and_then(|w| w.head)
            {
                _ if cop(r) == Some(c.verb) => "the predicate noun of a copula",
                Some(h) if verb.deprel == "cop" && verb.head == Some(h) => {
                    "gold of the predicate the verb is copula of"
                }
                Some(h) if (c.group.0..c.group.1).contains(&h) => {
                    "gold of a verb in its group (\"wants to\")"
                }
                Some(h) if verb.deprel == "conj" && verb.head == Some(h) => {
                    "gold of the verb it is conjoined to (shared)"
                }
                Some(_) => "gold of another verb",
                None if sentence
                    .iter()
                    .any(|w| w.head == Some(c.verb) && rel.is(w.deprel)) =>
                {
                    "the verb has another gold one"
                }
                None => "no gold relation",
            };
            *self.wrong.entry(kind).or_default() += 1;
            if self.show {
                println!(
                    "{} wrong [{kind}] {}",
                    rel.name(),
                    marked(sentence, c.verb, r)
                );
            }
        }
    }

    /// Recall and precision, with the misses by kind.
    fn print(&self, name: &str) {
        println!(
            "{name} {:.3} ({}/{}) found; precision {:.3} ({}/{})",
            self.found as f64 / self.gold.max(1) as f64,
            self.found,
            self.gold,
            self.right as f64 / self.read.max(1) as f64,
            self.right,
            self.read,
        );
        for (what, map) in [("missed", &self.misses), ("wrong", &self.wrong)] {
            let mut kinds: Vec<_> = map.iter().collect();
            kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (kind, n) in kinds {
                println!("  {what:>6} {n:>5} {kind}");
            }
        }
    }
}

/// The sentence with the verb in brackets and its subject or object in
/// angle brackets.
fn marked(sentence: &[Word], verb: usize, dep: usize) -> String {
    let words: Vec<String> = (sentence.iter().enumerate())
        .map(|(k, w)| match k {
            _ if k == verb => format!("[{}]", w.form),
            _ if k == dep => format!("<{}>", w.form),
            _ => w.form.to_string(),
        })
        .collect();
    words.join(" ")
}

/// Whether word `w` lies under word `top` in the gold tree.
fn descends(sentence: &[Word], mut w: usize, top: usize) -> bool {
    for _ in 0..sentence.len() {
        if w == top {
            return true;
        }
        match sentence.get(w).and_then(|x| x.head) {
            Some(h) => w = h,
            None => return false,
        }
    }
    false
}

/// The errors and the top confusions.
fn confusions_summary(confusions: &HashMap<(&str, &str), usize>, right: usize, total: usize) {
    let mut top: Vec<_> = confusions.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!(
        "errors {} of {total} tokens; top confusions (gold -> tagged):",
        total - right
    );
    for ((gold, guess), n) in top.into_iter().take(TOP) {
        println!("  {gold:>5} -> {guess:<5} {n}");
    }
}
