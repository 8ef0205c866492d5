//! The crosscheck example, run as a user would: inputs, outputs, bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn binary() -> PathBuf {
    // `cargo test` builds the examples next to the test binaries' folder.
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    dir.join("examples")
        .join(format!("crosscheck{}", std::env::consts::EXE_SUFFIX))
}

fn run(args: &[&str]) -> Output {
    Command::new(binary())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the example is built by cargo test")
}

fn run_with_input(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the example is built by cargo test");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gainsay-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn no_arguments_reads_the_seeds() {
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let first = stdout(&out).lines().next().unwrap_or_default().to_string();
    assert!(first.starts_with("3 documents, "), "{first}");
    assert!(first.contains(" about ") && first.ends_with('.'), "{first}");
    assert!(stdout(&out).contains("status conflict"));
}

#[test]
fn json_output_is_the_report() {
    let out = run(&["--json", "seeds"]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 3);
    let first = &report["conflicts"][0];
    for field in [
        "kind",
        "rule",
        "subject",
        "predicate",
        "score",
        "temporal",
        "explanation",
    ] {
        assert!(!first[field].is_null(), "missing {field}");
    }
    for field in [
        "document", "sentence", "start", "end", "status", "polarity", "modality",
    ] {
        assert!(!first["a"][field].is_null(), "missing a.{field}");
    }
}

#[test]
fn an_article_of_our_own() {
    let dir = scratch("own");
    let a = write(
        &dir,
        "wire.txt",
        b"date: 2024-09-14\noutlet: Wire\n\nThe truce between the two militias is holding, the mayor said on Friday.",
    );
    let b = write(
        &dir,
        "post.md",
        b"date: 2024-09-14\n\nThe truce collapsed overnight as shelling resumed.",
    );
    let out = run(&[&a, &b]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("2 documents, 1 conflict about 1 subject.\n"),
        "{text}"
    );
    assert!(text.contains("wire (Wire, 2024-09-14): holding"), "{text}");
}

#[test]
fn a_missing_path_is_an_error() {
    let out = run(&["no/such/article.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/article.txt"));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_folder_with_no_articles_is_an_error() {
    let dir = scratch("empty");
    write(&dir, "notes.csv", b"a,b\n");
    let out = run(&[&dir.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no articles"));
}

#[test]
fn files_that_are_not_utf8_are_skipped_and_listed() {
    let dir = scratch("binary");
    write(&dir, "good.txt", b"The talks collapsed.");
    let bad = write(&dir, "bad.txt", b"The talks \xff\xfe made progress.");
    write(&dir, "junk.txt", &[0u8, 159, 146, 150, 255, 1, 2, 3]);
    let out = run(&["--json", &dir.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains(&bad));
    assert!(stderr(&out).contains("offset 10"));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
    assert_eq!(report["skipped"].as_array().unwrap().len(), 2);
}

#[test]
fn an_empty_file_is_a_document_with_nothing_in_it() {
    let dir = scratch("emptyfile");
    let empty = write(&dir, "empty.txt", b"");
    let out = run(&["--json", &empty]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"][0]["sentences"], 0);
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 0);
}

#[test]
fn a_malformed_date_is_a_warning() {
    let dir = scratch("baddate");
    let file = write(&dir, "a.txt", b"date: 14/09/2024\n\nThe talks collapsed.");
    let out = run(&[&file]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("warning: line 1: malformed date"));
}

#[test]
fn usage_errors_and_help() {
    let out = run(&["--frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown option"));
    let out = run(&["--min-score", "2", "seeds"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("usage: crosscheck"));
}

#[test]
fn a_user_lexicon_changes_the_verdict() {
    let dir = scratch("lexicon");
    let a = write(&dir, "a.txt", b"The talks made progress.");
    let b = write(&dir, "b.txt", b"The talks are kaput.");
    let before = run(&["--json", &a, &b]);
    let report: serde_json::Value = serde_json::from_slice(&before.stdout).unwrap();
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 0);
    let lexicon = write(
        &dir,
        "extra.json",
        br#"{"frames": [{"name": "talks", "statuses": {"collapsed": {"phrases": ["kaput"]}}}]}"#,
    );
    let after = run(&["--json", "--lexicon", &lexicon, &a, &b]);
    let report: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 1);
    // A broken lexicon is a clear error with its line.
    let broken = write(&dir, "broken.json", b"{\n  \"frames\": [\n}");
    let out = run(&["--lexicon", &broken, &a]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("line 3"), "{}", stderr(&out));
}

#[test]
fn fail_on_conflict_sets_exit_status_one() {
    assert_eq!(run(&["seeds"]).status.code(), Some(0));
    assert_eq!(run(&["--fail-on-conflict", "seeds"]).status.code(), Some(1));
    let dir = scratch("calm");
    let calm = write(&dir, "calm.txt", b"Rain fell in the capital.");
    assert_eq!(run(&["--fail-on-conflict", &calm]).status.code(), Some(0));
}

#[test]
fn thousands_of_files_are_all_read() {
    let dir = scratch("many");
    for i in 0..2_000 {
        write(
            &dir,
            &format!("n{i:04}.txt"),
            format!("Article {i}. Rain fell.").as_bytes(),
        );
    }
    write(&dir, "x-talks-up.txt", b"The talks made progress.");
    write(&dir, "x-talks-down.txt", b"The talks collapsed.");
    let out = run(&["--json", &dir.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 2_002);
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 1);
}

#[test]
#[cfg_attr(
    not(feature = "slow-tests"),
    ignore = "100 MB of input: run with --features slow-tests"
)]
fn a_hundred_megabytes_without_a_newline() {
    let dir = scratch("huge");
    let unit = "the talks collapsed and made progress, Lopes said; no breakthrough ";
    let size = 100 * 1024 * 1024;
    let text = unit.repeat(size / unit.len() + 1);
    let file = write(&dir, "huge.txt", text.as_bytes());
    let out = run(&["--json", &file]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let doc = &report["documents"][0];
    assert_eq!(doc["id"], "huge");
    assert!(doc["sentences"].as_u64().unwrap() > 50_000);
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 0);
}

// Inputs.

#[test]
fn json_lines_records_are_articles() {
    let dir = scratch("jsonl");
    let feed = write(
        &dir,
        "feed.jsonl",
        br#"{"id": "w1", "text": "The truce is holding.", "date": "2025-04-02T08:00:00Z", "outlet": "Wire"}
{"id": "p2", "text": "The truce collapsed.", "date": "2025-04-02", "url": "https://example.org/p2"}

this line is not a record
{"text": "Rain fell."}
"#,
    );
    let out = run(&["--json", &feed]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = json(&out);
    let ids: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [format!("{feed}:5").as_str(), "p2", "w1"]);
    assert_eq!(report["documents"][2]["outlet"], "Wire");
    assert_eq!(report["documents"][2]["date"], "2025-04-02");
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 1);
    // The bad line is skipped, named, and listed.
    assert_eq!(report["skipped"][0]["path"], format!("{feed}:4"));
    assert!(stderr(&out).contains(&format!("{feed}:4")));
}

#[test]
fn a_line_that_is_not_utf8_loses_only_itself() {
    let lines = b"{\"id\": \"a\", \"text\": \"The truce is holding.\"}\n\xff\xfe\n{\"id\": \"b\", \"text\": \"The truce collapsed.\"}\n";
    let dir = scratch("jsonl-utf8");
    let feed = write(&dir, "feed.jsonl", lines);
    for out in [
        run(&["--json", &feed]),
        run_with_input(&["--json", "-"], lines),
    ] {
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let report = json(&out);
        assert_eq!(report["documents"].as_array().unwrap().len(), 2);
        assert_eq!(report["conflicts"].as_array().unwrap().len(), 1);
        let skipped = report["skipped"][0]["path"].as_str().unwrap();
        assert!(skipped.ends_with(":2"), "{skipped}");
        assert!(stderr(&out).contains("not valid UTF-8"));
    }
}

#[test]
fn json_files_hold_one_record_or_an_array() {
    let dir = scratch("json");
    write(
        &dir,
        "one.json",
        br#"{"id": "one", "text": "The ceasefire is holding.", "source": {"name": "Wire"}}"#,
    );
    write(
        &dir,
        "many.json",
        br#"[{"id": "two", "text": "The ceasefire collapsed."}, {"id": "three", "text": "Rain fell."}]"#,
    );
    let broken = write(&dir, "broken.json", b"{\"id\": \"x\",\n \"text\": }");
    let out = run(&["--json", &dir.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["documents"].as_array().unwrap().len(), 3);
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 1);
    assert_eq!(report["skipped"][0]["path"], broken);
    assert!(
        report["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("line 2")
    );
}

#[test]
fn html_pages_are_read_as_their_text() {
    let dir = scratch("html");
    write(
        &dir,
        "page.html",
        b"<!doctype html><html><head><title>Truce</title><style>p{color:red}</style>\
          <script>var talks = 'collapsed';</script></head><body><nav><a href='/'>Home</a></nav>\
          <article><h1>Truce holds</h1><p>The truce is <em>holding</em>, the mayor said.</p>\
          </article></body></html>",
    );
    write(&dir, "b.txt", b"The truce collapsed overnight.");
    let out = run(&["--json", &dir.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = json(&out);
    // The headline and the paragraph each clash with the other article.
    let sentences: Vec<&str> = report["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| [&c["a"], &c["b"]])
        .filter(|side| side["document"] == "page")
        .map(|side| side["sentence"].as_str().unwrap())
        .collect();
    assert_eq!(
        sentences,
        ["Truce holds", "The truce is holding, the mayor said."]
    );
    assert!(!stdout(&out).contains("var talks"));
}

#[test]
fn standard_input_is_read_by_its_first_character() {
    let text = run_with_input(&["--json", "-", "seeds"], b"The talks collapsed on Monday.");
    assert_eq!(text.status.code(), Some(0), "{}", stderr(&text));
    let report = json(&text);
    assert_eq!(report["documents"].as_array().unwrap().len(), 4);
    assert!(
        report["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == "stdin")
    );

    let lines = run_with_input(
        &["--json", "-"],
        b"{\"id\": \"x\", \"text\": \"The bill passed.\"}\n{\"id\": \"y\", \"text\": \"The bill was rejected.\"}\n",
    );
    let report = json(&lines);
    assert_eq!(report["documents"].as_array().unwrap().len(), 2);
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 1);

    let page = run_with_input(&["--json", "-"], b"<p>The talks <b>collapsed</b>.</p>");
    let report = json(&page);
    assert_eq!(report["documents"][0]["statements"], 1);
}

#[test]
fn repeated_ids_are_made_distinct() {
    let dir = scratch("ids");
    std::fs::create_dir_all(dir.join("x")).unwrap();
    std::fs::create_dir_all(dir.join("y")).unwrap();
    write(&dir.join("x"), "story.txt", b"The talks made progress.");
    let second = write(&dir.join("y"), "story.txt", b"The talks collapsed.");
    let out = run(&["--json", &dir.display().to_string()]);
    let report = json(&out);
    assert_eq!(report["documents"].as_array().unwrap().len(), 2);
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 1);
    assert!(stderr(&out).contains(&second), "{}", stderr(&out));
}

// Outputs.

#[test]
fn jsonl_prints_one_conflict_per_line() {
    let out = run(&["--jsonl", "seeds"]);
    assert_eq!(out.status.code(), Some(0));
    let all = json(&run(&["--json", "seeds"]));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&serde_json::Value::from(lines), &all["conflicts"]);
}

#[test]
fn statements_prints_what_was_extracted() {
    let out = run(&["--statements", "seeds"]);
    assert_eq!(out.status.code(), Some(0));
    let statements: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let report = json(&run(&["--json", "seeds"]));
    let counted: u64 = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["statements"].as_u64().unwrap())
        .sum();
    assert_eq!(statements.len() as u64, counted);
    for field in [
        "document", "sentence", "evidence", "subject", "status", "polarity", "modality",
    ] {
        assert!(!statements[0][field].is_null(), "missing {field}");
    }
}

#[test]
fn explain_gives_rule_score_and_cues() {
    let dir = scratch("explain");
    let a = write(
        &dir,
        "a.txt",
        b"The talks may have stalled, a diplomat said.",
    );
    let b = write(&dir, "b.txt", b"The talks made real progress.");
    let out = run(&["--explain", &a, &b]);
    let text = stdout(&out);
    assert!(text.contains("Rule: status-clash ("), "{text}");
    assert!(
        text.contains("Score: status-clash 0.90; a hedged ×0.75; undated ×0.90 = 0.61."),
        "{text}"
    );
    assert!(text.contains("bytes 0..44; cues: hedge: may"), "{text}");
    // Without --explain: no spans, no scoring.
    let plain = stdout(&run(&[&a, &b]));
    assert!(!plain.contains("bytes"), "{plain}");
    assert!(!plain.contains("Score:"), "{plain}");
    assert!(plain.contains("Why: "), "{plain}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    // Piped: plain, with the clashing words marked.
    let plain = stdout(&run(&["seeds"]));
    assert!(!plain.contains('\x1b'));
    assert!(plain.contains("**ray of light**"), "{plain}");
    let colour = stdout(&run(&["--color", "always", "seeds"]));
    assert!(colour.contains("\x1b[1;31mray of light\x1b[0m"));
    let out = Command::new(binary())
        .args(["--color", "auto", "seeds"])
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(!stdout(&out).contains('\x1b'));
}

// Options.

#[test]
fn kind_filters_conflicts() {
    let all = json(&run(&["--json", "seeds"]));
    let negation = json(&run(&["--json", "--kind", "negation", "seeds"]));
    let kinds: Vec<&str> = negation["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert!(!kinds.is_empty());
    assert!(kinds.iter().all(|k| *k == "negation"));
    assert!(kinds.len() < all["conflicts"].as_array().unwrap().len());
    let out = run(&["--kind", "gossip", "seeds"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn every_rule_is_named_in_text_and_json() {
    let dir = scratch("rules");
    let a = write(
        &dir,
        "a.txt",
        "Fighting erupted after rebels attacked a checkpoint. \
         Minsk has neither confirmed nor denied that Belarusian forces carried out airstrikes."
            .as_bytes(),
    );
    let b = write(
        &dir,
        "b.txt",
        "Fighting erupted after the army shelled rebel positions. \
         Belarusian forces carried out airstrikes."
            .as_bytes(),
    );
    let text = stdout(&run(&[
        "--explain",
        "--color",
        "never",
        "--kind",
        "certainty,cause",
        &a,
        &b,
    ]));
    let report = json(&run(&["--json", &a, &b]));
    std::fs::remove_dir_all(&dir).ok();
    for (kind, rule) in [("certainty", "certainty-gap"), ("cause", "cause-clash")] {
        assert!(text.contains(&format!("{kind} conflict, score")), "{text}");
        assert!(text.contains(&format!("Rule: {rule} (")), "{text}");
        assert!(
            report["conflicts"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["rule"] == rule && c["kind"] == kind),
            "{rule}"
        );
    }
}

#[test]
fn speaker_shows_one_persons_conflicts() {
    let dir = scratch("speaker");
    let a = write(
        &dir,
        "a.txt",
        b"Foreign Minister Ana Lopes said the talks had made progress.",
    );
    let b = write(&dir, "b.txt", b"The talks collapsed, Lopes said on Friday.");
    let c = write(
        &dir,
        "c.txt",
        b"The talks have stalled, according to Omar Haddad.",
    );
    let d = write(&dir, "d.txt", b"The talks made progress.");
    let report = json(&run(&["--json", "--speaker", "Lopes", &a, &b, &c, &d]));
    let conflicts = report["conflicts"].as_array().unwrap();
    assert!(!conflicts.is_empty());
    assert!(conflicts.iter().all(|c| {
        [&c["a"]["speaker"], &c["b"]["speaker"]]
            .iter()
            .any(|s| s.as_str().is_some_and(|s| s.contains("Lopes")))
    }));
    assert!(conflicts.iter().any(|c| c["same_speaker"] == "Ana Lopes"));
    let all = json(&run(&["--json", &a, &b, &c, &d]));
    assert!(all["conflicts"].as_array().unwrap().len() > conflicts.len());
    let statements = stdout(&run(&["--statements", "--speaker", "haddad", &a, &b, &c]));
    assert_eq!(statements.lines().count(), 1, "{statements}");
}

#[test]
fn help_has_examples() {
    let help = stdout(&run(&["--help"]));
    for needle in [
        "examples:",
        "--jsonl",
        "--statements",
        "--explain",
        "--kind",
        "--speaker",
        ".jsonl",
        ".html",
        "NO_COLOR",
    ] {
        assert!(help.contains(needle), "help lacks {needle}");
    }
}

#[test]
fn the_markets_pack_adds_a_domain() {
    let dir = scratch("markets");
    let a = write(
        &dir,
        "a.txt",
        b"The Federal Reserve raised interest rates on Wednesday.",
    );
    let b = write(&dir, "b.txt", b"The Fed left rates unchanged on Wednesday.");
    let before = json(&run(&["--json", &a, &b]));
    assert_eq!(before["conflicts"].as_array().unwrap().len(), 0);
    let after = json(&run(&[
        "--json",
        "--lexicon",
        "lexicon/markets.json",
        &a,
        &b,
    ]));
    assert_eq!(after["conflicts"].as_array().unwrap().len(), 1);
    assert_eq!(
        after["conflicts"][0]["subject"],
        "interest_rates (federal reserve)"
    );
}

// The text report.

#[test]
fn the_text_report_sums_up_then_ranks_conflicts_by_score() {
    let dir = scratch("text");
    let a = write(
        &dir,
        "a.txt",
        b"date: 2025-03-01\noutlet: Herald\n\nThe talks may have stalled, a diplomat said.",
    );
    let b = write(
        &dir,
        "b.txt",
        b"date: 2025-03-01\n\nThe talks made real progress.",
    );
    let c = write(&dir, "c.txt", b"date: 2025-03-01\n\nThe talks collapsed.");
    let text = stdout(&run(&["--color", "never", &a, &b, &c]));
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(
        text.lines().next(),
        Some("3 documents, 2 conflicts about 1 subject."),
        "{text}"
    );
    assert!(
        text.contains("  a  Herald, 2025-03-01: 1 sentence, 1 statement\n"),
        "{text}"
    );
    assert!(text.contains("  talks  2 conflicts\n"), "{text}");
    assert!(!text.contains("=="), "{text}");
    // Ranked: the asserted clash before the hedged one.
    let first = text
        .find("1. talks: status conflict, score 0.90")
        .expect(&text);
    let second = text
        .find("2. talks: status conflict, score 0.68")
        .expect(&text);
    assert!(first < second, "{text}");
    // b's sentence is in both conflicts: printed once, then referred to.
    assert_eq!(
        text.matches("\"The talks made real **progress**.\"")
            .count(),
        1,
        "{text}"
    );
    assert!(
        text.contains("[1] b: progress (\"progress\"), sentence printed above")
            || text.contains("[2] b: progress (\"progress\"), sentence printed above"),
        "{text}"
    );
    assert!(
        text.contains("a (Herald, 2025-03-01): stalled (hedged)\n"),
        "{text}"
    );
    assert!(
        text.contains("Why: \"stalled\" and \"progress\" cannot both describe the talks at once.")
            || text.contains(
                "Why: \"progress\" and \"stalled\" cannot both describe the talks at once."
            ),
        "{text}"
    );
}

#[test]
fn public_enums_display_their_serde_names() {
    use gainsay::{ConflictKind, Modality, Polarity, Temporal};
    fn same<T: std::fmt::Display + serde::Serialize>(value: T) {
        let serde = serde_json::to_value(&value).unwrap();
        assert_eq!(serde.as_str(), Some(value.to_string().as_str()));
    }
    ConflictKind::ALL.iter().for_each(|k| same(*k));
    [Polarity::Affirmed, Polarity::Negated]
        .into_iter()
        .for_each(same);
    [
        Modality::Asserted,
        Modality::Hedged,
        Modality::Conditional,
        Modality::Purpose,
        Modality::Expected,
        Modality::Question,
        Modality::ReportedClaim,
        Modality::Unconfirmed,
    ]
    .into_iter()
    .for_each(same);
    [
        Temporal::SamePeriod,
        Temporal::DifferentDates,
        Temporal::Unknown,
    ]
    .into_iter()
    .for_each(same);
    assert_eq!(format!("{:>8}", ConflictKind::Date), "    date");
}

#[test]
fn version_prints_the_crate_version() {
    for flag in ["--version", "-V"] {
        let out = run(&[flag]);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(
            stdout(&out),
            format!("crosscheck {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn nothing_readable_is_exit_status_two() {
    let dir = scratch("unreadable");
    let bad = write(&dir, "bad.txt", b"\xff\xfe not text");
    let broken = write(&dir, "broken.json", b"{\"id\": ");
    let out = run(&["--json", &bad, &broken]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no input could be read"),
        "{}",
        stderr(&out)
    );
    // The report still lists what was skipped.
    assert_eq!(json(&out)["skipped"].as_array().unwrap().len(), 2);
    // One readable input is enough.
    let good = write(&dir, "good.txt", b"The talks collapsed.");
    assert_eq!(run(&[&bad, &good]).status.code(), Some(0));
    let lines = run_with_input(&["--format", "jsonl", "-"], b"not a record\n");
    assert_eq!(lines.status.code(), Some(2), "{}", stderr(&lines));
}

#[test]
fn format_says_what_standard_input_is() {
    let text = b"[Updated] The talks collapsed on Monday.";
    // Told: text, even though it opens with a bracket.
    let told = json(&run_with_input(&["--json", "--format", "text", "-"], text));
    assert_eq!(told["documents"][0]["statements"], 1, "{told}");
    // Guessed: not JSON, so read as text, with a warning.
    let guessed = run_with_input(&["--json", "-"], text);
    assert_eq!(guessed.status.code(), Some(0), "{}", stderr(&guessed));
    assert_eq!(json(&guessed)["documents"][0]["statements"], 1);
    assert!(
        stderr(&guessed).contains("--format json"),
        "{}",
        stderr(&guessed)
    );
    // Told JSON: a bad record is skipped, not read as text.
    let insisted = run_with_input(&["--json", "--format", "json", "-"], text);
    assert_eq!(insisted.status.code(), Some(2));
    assert_eq!(json(&insisted)["skipped"][0]["path"], "<stdin>");
    // HTML and JSON Lines, told.
    let page = json(&run_with_input(
        &["--json", "--format", "html", "-"],
        b"The talks <b>collapsed</b>.",
    ));
    assert_eq!(page["documents"][0]["statements"], 1);
    let lines = json(&run_with_input(
        &["--json", "--format", "jsonl", "-"],
        b"{\"id\": \"x\", \"text\": \"The bill passed.\"}\n{\"id\": \"y\", \"text\": \"The bill was rejected.\"}\n",
    ));
    assert_eq!(lines["conflicts"].as_array().unwrap().len(), 1);
    let out = run(&["--format", "xml", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("text, json, jsonl or html"));
}

#[test]
fn an_error_position_is_written_once_and_never_as_zero() {
    let dir = scratch("positions");
    let feed = write(
        &dir,
        "feed.jsonl",
        b"{\"id\": \"a\", \"text\": \"The truce held.\"}\nnot a record\n{\"id\": 3}\n",
    );
    let broken = write(&dir, "broken.json", b"{\"id\": \"x\",\n \"text\": }");
    let many = write(
        &dir,
        "many.json",
        b"[{\"id\": \"x\", \"text\": \"Rain.\"}, {\"id\": \"y\"}]",
    );
    let out = run(&["--json", &feed, &broken, &many]);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("skipping {feed}:2: column 2: expected ident\n")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "skipping {feed}:3: column 9: missing field `text`\n"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "skipping {broken}: line 2, column 10: expected value\n"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "skipping {many}: record 2: missing field `text`\n"
        )),
        "{err}"
    );
    assert!(!err.contains(" at line "), "{err}");
    assert!(
        !err.contains("0:0") && !err.contains("column 0") && !err.contains("line 0"),
        "{err}"
    );
    // A lexicon's error, likewise.
    let lexicon = write(&dir, "lexicon.json", b"{\"frames\": 7}");
    let err = stderr(&run(&["--lexicon", &lexicon, &feed]));
    assert!(err.contains("line 1, column 12: invalid type"), "{err}");
    assert!(!err.contains(" at line "), "{err}");
    let empty = write(&dir, "empty.json", b"{\"frames\": [{\"name\": \"\"}]}");
    let err = stderr(&run(&["--lexicon", &empty, &feed]));
    assert!(
        !err.contains("line 0") && !err.contains("column 0"),
        "{err}"
    );
}
