//! crosscheck: point it at articles about one story; it prints where they
//! contradict each other.
//!
//! ```text
//! cargo run --release --example crosscheck                 # the seeds/ folder
//! cargo run --release --example crosscheck -- a.txt dir/   # files and folders
//! cargo run --release --example crosscheck -- --json seeds/*.txt
//! ```
//!
//! Exit status: 0 when it ran; 1 when it found conflicts, only with
//! `--fail-on-conflict`; 2 on bad input or usage.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gainsay::{Detector, Document, ErrorKind, Lexicon, Report};

const USAGE: &str = "\
usage: crosscheck [--json] [--min-score X] [--lexicon FILE] [--fail-on-conflict] [PATH ...]

Reads articles (files, or folders of .txt and .md files) about one story and
prints where they contradict each other. With no PATH it reads seeds/.

options:
  --json          print the report as JSON
  --min-score X   report only conflicts scored at least X (0 to 1)
  --lexicon FILE  add the words of a lexicon file (JSON, see README) to the built-in ones
  --fail-on-conflict
                  exit with status 1 when any conflict is reported
  -h, --help      print this help

Files that are not UTF-8 are skipped with a warning and listed in the report.

exit status: 0 ran; 1 ran and found conflicts, with --fail-on-conflict only;
2 bad input (a missing path, no articles, a bad lexicon) or usage";

struct Options {
    json: bool,
    fail_on_conflict: bool,
    lexicon: Option<PathBuf>,
    min_score: f64,
    paths: Vec<PathBuf>,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        json: false,
        fail_on_conflict: false,
        lexicon: None,
        min_score: 0.0,
        paths: Vec::new(),
    };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--json" => options.json = true,
            "--fail-on-conflict" => options.fail_on_conflict = true,
            "--min-score" => {
                let value = args.next().ok_or("--min-score needs a value")?;
                options.min_score = value
                    .parse()
                    .map_err(|_| format!("--min-score: not a number: {value}"))?;
            }
            "--lexicon" => {
                let value = args.next().ok_or("--lexicon needs a file")?;
                options.lexicon = Some(PathBuf::from(value));
            }
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
    Ok(Some(options))
}

/// The article files under `path`, sorted.
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
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
        let is_article = entry
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "txt" | "md"));
        if entry.is_dir() {
            collect(&entry, out)?;
        } else if is_article {
            out.push(entry);
        }
    }
    Ok(())
}

/// The output, and whether any conflict was found.
fn run(options: Options) -> Result<(String, bool), String> {
    let mut files = Vec::new();
    for path in &options.paths {
        collect(path, &mut files)?;
    }
    if files.is_empty() {
        return Err("no articles found (looked for .txt and .md files)".to_string());
    }
    let mut docs = Vec::new();
    let mut skipped = Vec::new();
    for file in &files {
        match Document::from_path(file) {
            Ok(doc) => docs.push(doc),
            Err(err) if matches!(err.kind(), ErrorKind::NotUtf8 { .. }) => {
                eprintln!("crosscheck: skipping {err}");
                skipped.push((file.display().to_string(), err.to_string()));
            }
            Err(err) => return Err(err.to_string()),
        }
    }
    let mut builder = Detector::builder().min_score(options.min_score);
    if let Some(path) = &options.lexicon {
        let lexicon = Lexicon::builtin()
            .extend_with_path(path)
            .map_err(|e| e.to_string())?;
        builder = builder.lexicon(lexicon);
    }
    let detector = builder.build().map_err(|e| e.to_string())?;
    let mut report: Report = detector.check(&docs);
    for (path, reason) in skipped {
        report.skip(path, reason);
    }
    let output = if options.json {
        report.to_json()
    } else {
        report.to_string()
    };
    let failed = options.fail_on_conflict && !report.conflicts.is_empty();
    Ok((output, failed))
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("crosscheck: {message}");
            return ExitCode::from(2);
        }
    };
    match run(options) {
        Ok((output, failed)) => {
            // A closed pipe (`crosscheck | head`) is not an error of ours.
            let mut stdout = std::io::stdout().lock();
            match writeln!(stdout, "{output}").and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("crosscheck: cannot write the report: {e}");
                    ExitCode::from(2)
                }
                _ if failed => ExitCode::from(1),
                _ => ExitCode::SUCCESS,
            }
        }
        Err(message) => {
            eprintln!("crosscheck: {message}");
            ExitCode::from(2)
        }
    }
}
