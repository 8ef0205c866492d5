//! crosscheck: point it at articles about one story; it prints where they
//! contradict each other.
//!
//! ```text
//! cargo run --release --example crosscheck                 # the seeds/ folder
//! cargo run --release --example crosscheck -- a.txt dir/   # files and folders
//! cargo run --release --example crosscheck -- --json seeds/*.txt
//! scraper | cargo run --release --example crosscheck -- --jsonl -
//! ```
//!
//! Exit status: 0 when it ran; 1 when it found conflicts, only with
//! `--fail-on-conflict`; 2 on bad input (a missing path, nothing that could
//! be read, a bad lexicon) or usage.

// The library allocates a little per sentence and statement; a program
// reading many documents does well to pick a fast allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::HashSet;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use gainsay::{ConflictKind, Detector, Document, ErrorKind, Lexicon, Report, TextStyle};

const USAGE: &str = "\
usage: crosscheck [OPTIONS] [PATH ...]

Reads articles about one story and prints where they contradict each other.
A PATH is a file, a folder (read recursively) or - for standard input. With
no PATH it reads seeds/.

inputs:
  .txt .md      plain text; may open with header lines (date:, outlet:, title:)
  .json         an article record {id, text, date?, outlet?, title?, url?},
                or an array of them
  .jsonl        one article record per line (JSON Lines)
  .html .htm    a web page, reduced to its text
  -             standard input: JSON, JSON Lines, HTML or text, as --format says
                (without it, guessed from the first character)

  --format F          what standard input holds: text, json, jsonl or html

output (one of; the default is text for people):
  --json              the report as JSON
  --jsonl             one conflict per line, as JSON
  --statements        the statements extracted, one per line, as JSON
  --explain           text, with byte spans and cue words, each conflict's rule
                      and how its score was reached
  --color WHEN        colour the text: auto (default: when standard output is a
                      terminal and NO_COLOR is unset), always or never

filters and settings:
  --min-score X       only conflicts scored at least X (0 to 1)
  --kind K[,K...]     only conflicts of these kinds (status, negation,
                      certainty, cause, number, role, date)
  --speaker NAME      only conflicts (or statements) where NAME is quoted
  --lexicon FILE      add a lexicon file's words to the built-in ones (JSON, see
                      LEXICON.md); may be given more than once
  --fail-on-conflict  exit with status 1 when any conflict is reported
  -h, --help          print this help
  -V, --version       print the version

Files that cannot be read as articles (not UTF-8, a bad JSON record) are
skipped with a warning and listed in the report.

examples:
  crosscheck seeds/
  crosscheck --explain --kind status today/*.txt
  crosscheck --speaker \"Khawaja Asif\" --json archive/ > asif.json
  crosscheck --lexicon lexicon/markets.json markets/
  curl -s https://example.org/feed.jsonl | crosscheck --format jsonl --jsonl -

exit status: 0 ran; 1 ran and found conflicts, with --fail-on-conflict only;
2 bad input (a missing path, no articles, nothing readable, a bad lexicon)
or usage";

/// The file extensions read from folders.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "json", "jsonl", "html", "htm"];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    JsonLines,
    Statements,
}

/// What standard input holds, when the user says.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    Text,
    Json,
    JsonLines,
    Html,
}

struct Options {
    format: Format,
    input: Option<Input>,
    explain: bool,
    color: Option<bool>,
    fail_on_conflict: bool,
    lexicons: Vec<PathBuf>,
    min_score: f64,
    kinds: Vec<String>,
    speaker: Option<String>,
    paths: Vec<PathBuf>,
}

/// What the command line asks for.
enum Action {
    Run(Options),
    Help,
    Version,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Action, String> {
    let mut options = Options {
        format: Format::Text,
        input: None,
        explain: false,
        color: None,
        fail_on_conflict: false,
        lexicons: Vec::new(),
        min_score: 0.0,
        kinds: Vec::new(),
        speaker: None,
        paths: Vec::new(),
    };
    let mut args = args.peekable();
    let value = |args: &mut dyn Iterator<Item = String>, flag: &str| {
        args.next().ok_or_else(|| format!("{flag} needs a value"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Action::Help),
            "-V" | "--version" => return Ok(Action::Version),
            "--format" => {
                options.input = Some(match value(&mut args, &arg)?.as_str() {
                    "text" | "txt" | "md" => Input::Text,
                    "json" => Input::Json,
                    "jsonl" => Input::JsonLines,
                    "html" | "htm" => Input::Html,
                    other => {
                        return Err(format!("--format: text, json, jsonl or html, not {other}"));
                    }
                })
            }
            "--json" => options.format = Format::Json,
            "--jsonl" => options.format = Format::JsonLines,
            "--statements" => options.format = Format::Statements,
            "--explain" => options.explain = true,
            "--fail-on-conflict" => options.fail_on_conflict = true,
            "--color" | "--colour" => {
                options.color = match value(&mut args, &arg)?.as_str() {
                    "auto" => None,
                    "always" => Some(true),
                    "never" => Some(false),
                    other => return Err(format!("--color: auto, always or never, not {other}")),
                }
            }
            "--min-score" => {
                let v = value(&mut args, &arg)?;
                options.min_score = v
                    .parse()
                    .map_err(|_| format!("--min-score: not a number: {v}"))?;
            }
            "--kind" => {
                for kind in value(&mut args, &arg)?.split(',') {
                    let kind = kind.trim().to_ascii_lowercase();
                    let names: Vec<&str> = ConflictKind::ALL.iter().map(|k| k.name()).collect();
                    if !names.contains(&kind.as_str()) {
                        return Err(format!("--kind: one of {}, not {kind:?}", names.join(", ")));
                    }
                    options.kinds.push(kind);
                }
            }
            "--speaker" => options.speaker = Some(value(&mut args, &arg)?),
            "--lexicon" => options
                .lexicons
                .push(PathBuf::from(value(&mut args, &arg)?)),
            "--" => options.paths.extend(args.by_ref().map(PathBuf::from)),
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(format!("unknown option {flag} (see --help)"));
            }
            path => options.paths.push(PathBuf::from(path)),
        }
    }
    if options.paths.is_empty() {
        options.paths.push(PathBuf::from("seeds"));
    }
    Ok(Action::Run(options))
}

/// The article files under `path`, sorted; `-` stands for standard input.
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    if path == Path::new("-") {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect(&entry, out)?;
        } else if ARTICLE_EXTENSIONS.contains(&extension(&entry).as_str()) {
            out.push(entry);
        }
    }
    Ok(())
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// What reading the inputs gave: documents, and inputs skipped with why.
#[derive(Default)]
struct Inputs {
    docs: Vec<Document>,
    skipped: Vec<(String, String)>,
    /// What standard input holds, when the user said (`--format`).
    stdin_format: Option<Input>,
}

impl Inputs {
    fn skip(&mut self, what: String, reason: String) {
        eprintln!("crosscheck: skipping {what}: {reason}");
        self.skipped.push((what, reason));
    }

    /// Reads one input. Only a path that cannot be opened is an error; input
    /// that is not an article is skipped.
    fn read(&mut self, path: &Path) -> Result<(), String> {
        let stdin = path == Path::new("-");
        let name = if stdin {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        if !stdin && extension(path) == "jsonl" {
            // Line by line: a large file is never held whole.
            let file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
            let reader = std::io::BufReader::with_capacity(1 << 16, file);
            self.records(&name, Document::read_jsonl(&name, reader));
            return Ok(());
        }
        let mut bytes = Vec::new();
        let read = if stdin {
            std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
        } else {
            std::fs::read(path).map(|b| bytes = b)
        };
        read.map_err(|e| format!("{name}: {e}"))?;
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                // JSON Lines on standard input: only the lines that are not
                // UTF-8 are skipped.
                let offset = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
                let lines = match self.stdin_format {
                    Some(told) => told == Input::JsonLines,
                    None => first == Some(&b'{'),
                };
                if stdin && lines {
                    self.records(&name, Document::read_jsonl(&name, &bytes[..]));
                    return Ok(());
                }
                let reason = format!("not valid UTF-8 (first bad byte at offset {offset})");
                self.skip(name, reason);
                return Ok(());
            }
        };
        let told = self.stdin_format.filter(|_| stdin);
        let kind = match told {
            Some(Input::Text) => "txt".to_string(),
            Some(Input::Json) => "json".to_string(),
            Some(Input::JsonLines) => "jsonl".to_string(),
            Some(Input::Html) => "html".to_string(),
            None if stdin => sniff(&text),
            None => extension(path),
        };
        let stem = match path.file_stem() {
            Some(stem) if !stdin => stem.to_string_lossy().into_owned(),
            _ => "stdin".to_string(),
        };
        match kind.as_str() {
            "json" => match Document::from_json(&name, &text) {
                Ok(docs) => self.docs.extend(docs),
                // Guessed: a single object spread over lines is JSON; several
                // are JSON Lines; text that only opens with `[` or `{` is text.
                Err(e) if stdin && told.is_none() => {
                    let records: Vec<_> = Document::from_jsonl(&name, &text).collect();
                    if records.iter().any(Result::is_ok) {
                        self.records(&name, records.into_iter());
                    } else {
                        eprintln!(
                            "crosscheck: standard input is not JSON ({}); read as text \
                             (--format json to insist)",
                            reason(&e, false)
                        );
                        self.docs.push(Document::parse(stem, text));
                    }
                }
                Err(e) => self.skip(name, reason(&e, false)),
            },
            "jsonl" => self.jsonl(&name, &text),
            "html" | "htm" => match Document::from_html(stem, &text) {
                Ok(doc) => self.docs.push(doc.with_path(name)),
                Err(e) => self.skip(name, reason(&e, false)),
            },
            _ => {
                let doc = Document::parse(stem, text);
                self.docs
                    .push(if stdin { doc } else { doc.with_path(name) });
            }
        }
        Ok(())
    }

    fn jsonl(&mut self, name: &str, text: &str) {
        self.records(name, Document::from_jsonl(name, text));
    }

    fn records(
        &mut self,
        name: &str,
        records: impl Iterator<Item = Result<Document, gainsay::Error>>,
    ) {
        for record in records {
            match record {
                Ok(doc) => self.docs.push(doc),
                Err(e) => match e.kind() {
                    ErrorKind::Record { line, .. } if *line > 0 => {
                        self.skip(format!("{name}:{line}"), reason(&e, true));
                    }
                    _ => self.skip(name.to_string(), reason(&e, false)),
                },
            }
        }
    }

    /// Gives every document a distinct id: a repeated id becomes the path
    /// (or the id with a number), and says so.
    fn distinct_ids(&mut self) {
        let mut seen = HashSet::new();
        for doc in &mut self.docs {
            if seen.insert(doc.id().to_string()) {
                continue;
            }
            let mut id = doc.path().unwrap_or(doc.id()).to_string();
            let mut n = 2;
            while seen.contains(&id) {
                id = format!("{}#{n}", doc.id());
                n += 1;
            }
            eprintln!(
                "crosscheck: the id {} is taken; this document is {id}",
                doc.id()
            );
            seen.insert(id.clone());
            *doc = doc.clone().with_id(id);
        }
    }
}

/// The kind of text on standard input, by its first character.
fn sniff(text: &str) -> String {
    match text.trim_start().chars().next() {
        Some('{' | '[') => "json",
        Some('<') => "html",
        _ => "txt",
    }
    .to_string()
}

/// An error's message without the origin it starts with, and without the
/// line when the input's name already ends with it (`feed.jsonl:4`).
fn reason(e: &gainsay::Error, line_named: bool) -> String {
    match e.kind() {
        ErrorKind::Record {
            line,
            column,
            message,
            ..
        } => match (*line, *column) {
            (0, _) => message.clone(),
            (_, 0) if line_named => message.clone(),
            (_, column) if line_named => format!("column {column}: {message}"),
            (line, 0) => format!("line {line}: {message}"),
            (line, column) => format!("line {line}, column {column}: {message}"),
        },
        ErrorKind::Html { message, .. } => message.clone(),
        _ => e.to_string(),
    }
}

/// A line on standard error that rewrites itself, when that is a terminal.
struct Progress {
    on: bool,
    last: Instant,
    shown: bool,
}

impl Progress {
    fn new() -> Progress {
        Progress {
            on: std::io::stderr().is_terminal(),
            last: Instant::now(),
            shown: false,
        }
    }

    fn show(&mut self, line: impl FnOnce() -> String, force: bool) {
        if self.on && (force || self.last.elapsed() > Duration::from_millis(200)) {
            eprint!("\r\x1b[2K{}", line());
            self.last = Instant::now();
            self.shown = true;
        }
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[2K");
            self.shown = false;
        }
    }
}

/// Whether a speaker's name matches what the user asked for: every word
/// asked is in the name, or the surnames agree.
fn speaker_matches(name: &str, asked: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (name, asked) = (words(name), words(asked));
    !asked.is_empty() && (asked.iter().all(|w| name.contains(w)) || name.last() == asked.last())
}

/// What a run prints.
enum Output {
    Text(String),
    /// Written straight to stdout: a large report is never held as text.
    Json(Report),
}

/// Runs the check: the output, and the exit status it calls for.
fn run(options: Options) -> Result<(Output, u8), String> {
    let mut files = Vec::new();
    for path in &options.paths {
        collect(path, &mut files)?;
    }
    if files.is_empty() {
        return Err(format!(
            "no articles found (looked for {} files)",
            ARTICLE_EXTENSIONS.join(", ")
        ));
    }
    let mut progress = Progress::new();
    let mut inputs = Inputs {
        stdin_format: options.input,
        ..Inputs::default()
    };
    for (i, file) in files.iter().enumerate() {
        progress.show(|| format!("reading {}/{} files", i + 1, files.len()), false);
        inputs.read(file)?;
    }
    inputs.distinct_ids();
    // Nothing to check is bad input; the report still says what was skipped.
    let status = if inputs.docs.is_empty() {
        progress.clear();
        eprintln!(
            "crosscheck: no input could be read ({} skipped)",
            inputs.skipped.len()
        );
        2
    } else {
        0
    };
    let mut lexicon = Lexicon::builtin();
    for path in &options.lexicons {
        lexicon = lexicon.extend_with_path(path).map_err(|e| e.to_string())?;
    }
    let detector = Detector::builder()
        .lexicon(lexicon)
        .min_score(options.min_score)
        .build()
        .map_err(|e| e.to_string())?;
    let asked = options.speaker.as_deref();
    if options.format == Format::Statements {
        progress.clear();
        let mut docs: Vec<&Document> = inputs.docs.iter().collect();
        docs.sort_by(|a, b| a.id().cmp(b.id()));
        let mut out = String::new();
        for doc in docs {
            for s in detector.statements(doc) {
                let speaker = s.speaker.as_ref().map(|p| p.name.as_str());
                if asked.is_some_and(|a| !speaker.is_some_and(|n| speaker_matches(n, a))) {
                    continue;
                }
                out.push_str(&serde_json::to_string(&s).map_err(|e| e.to_string())?);
                out.push('\n');
            }
        }
        out.pop();
        return Ok((Output::Text(out), status));
    }
    let bytes: usize = inputs.docs.iter().map(|d| d.text().len()).sum();
    progress.show(
        || {
            format!(
                "checking {} documents ({:.1} MB)",
                inputs.docs.len(),
                bytes as f64 / 1e6
            )
        },
        true,
    );
    let mut report: Report = detector.check(&inputs.docs);
    progress.clear();
    for (path, reason) in inputs.skipped {
        report.skip(path, reason);
    }
    if !options.kinds.is_empty() {
        report
            .conflicts
            .retain(|c| options.kinds.iter().any(|k| k == c.kind.name()));
    }
    if let Some(asked) = asked {
        report.conflicts.retain(|c| {
            [&c.a.speaker, &c.b.speaker]
                .into_iter()
                .flatten()
                .any(|name| speaker_matches(name, asked))
        });
    }
    let status = match status {
        0 if options.fail_on_conflict && !report.conflicts.is_empty() => 1,
        status => status,
    };
    let output = match options.format {
        Format::Json => return Ok((Output::Json(report), status)),
        Format::JsonLines => {
            let lines: Result<Vec<String>, _> =
                report.conflicts.iter().map(serde_json::to_string).collect();
            lines.map_err(|e| e.to_string())?.join("\n")
        }
        _ => {
            let color = options.color.unwrap_or_else(|| {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            });
            let style = TextStyle::default().color(color).explain(options.explain);
            report.to_text(style).trim_end().to_string()
        }
    };
    Ok((Output::Text(output), status))
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Action::Run(options)) => options,
        Ok(Action::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Action::Version) => {
            println!("crosscheck {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("crosscheck: {message}");
            return ExitCode::from(2);
        }
    };
    match run(options) {
        Ok((output, status)) => {
            // A closed pipe (`crosscheck | head`) is not an error of ours.
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            let written = match output {
                Output::Text(text) if text.is_empty() => Ok(()),
                Output::Text(text) => writeln!(stdout, "{text}"),
                Output::Json(report) => report
                    .write_json(&mut stdout)
                    .and_then(|()| writeln!(stdout)),
            }
            .and_then(|()| stdout.flush());
            match written {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("crosscheck: cannot write the report: {e}");
                    ExitCode::from(2)
                }
                _ => ExitCode::from(status),
            }
        }
        Err(message) => {
            eprintln!("crosscheck: {message}");
            ExitCode::from(2)
        }
    }
}
