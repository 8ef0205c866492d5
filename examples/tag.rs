//! Measures the part-of-speech tagger against a CoNLL-U treebank: tags each
//! sentence's gold tokens and compares with the gold Penn tags (XPOS).
//!
//! ```text
//! cargo run --release --example tag -- ../shared/ud/en_ewt-ud-dev.conllu
//! cargo run --release --example tag -- FILE.conllu --print
//! cargo run --release --example tag -- FILE.conllu --model lexicon/tagger/model.bin
//! ```
//!
//! Prints the most frequent confusions, then `accuracy X`. With `--print`,
//! prints instead each sentence's tags on a line. With `--model FILE`, uses
//! that model file (as `tools/aptagger.py` writes it) instead of the
//! built-in one.

use std::collections::HashMap;
use std::process::ExitCode;

use gainsay::__tagger::PosTagger;

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
    model: Option<String>,
}

fn main() -> ExitCode {
    let Some(args) = parse_args() else {
        eprintln!("usage: tag FILE.conllu [--print] [--model FILE]");
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
    run(&text, tagger, args.print);
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
        model: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--print" => args.print = true,
            "--model" => args.model = Some(it.next()?),
            _ if args.path.is_empty() => args.path = a,
            _ => return None,
        }
    }
    (!args.path.is_empty()).then_some(args)
}

/// Each sentence's (form, gold XPOS) pairs: comment lines, multiword
/// tokens (`1-2`) and empty nodes (`1.1`) left out.
fn sentences(text: &str) -> Vec<Vec<(&str, &str)>> {
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
        if let [id, form, _, _, xpos, ..] = cols[..]
            && !id.contains(['-', '.'])
        {
            sentence.push((form, xpos));
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

/// Tags every sentence; prints the tags or the accuracy.
fn run(text: &str, mut tagger: PosTagger, print: bool) {
    let (mut right, mut total) = (0usize, 0usize);
    let mut confusions: HashMap<(&str, &'static str), usize> = HashMap::new();
    let mut words = Vec::new();
    for sentence in sentences(text) {
        words.clear();
        words.extend(sentence.iter().map(|(form, _)| *form));
        let tags = tagger.tag(&words);
        if print {
            println!("{}", tags.collect::<Vec<_>>().join(" "));
            continue;
        }
        for ((_, gold), guess) in sentence.iter().zip(tags) {
            if !PENN.contains(gold) {
                continue;
            }
            total += 1;
            if same_class(gold) == same_class(guess) {
                right += 1;
            } else {
                *confusions.entry((*gold, guess)).or_default() += 1;
            }
        }
    }
    if !print {
        summary(&confusions, right, total);
    }
}

/// The top confusions, then the accuracy.
fn summary(confusions: &HashMap<(&str, &str), usize>, right: usize, total: usize) {
    let mut top: Vec<_> = confusions.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!(
        "errors {} of {total} tokens; top confusions (gold -> tagged):",
        total - right
    );
    for ((gold, guess), n) in top.into_iter().take(TOP) {
        println!("  {gold:>5} -> {guess:<5} {n}");
    }
    println!("accuracy {:.3}", right as f64 / total.max(1) as f64);
}
